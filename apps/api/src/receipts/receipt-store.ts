import type { ReceiptInput, StoredReceipt } from "@assent/core";
import { type Database, receipts } from "@assent/db";
import { eq } from "drizzle-orm";

type Row = typeof receipts.$inferSelect;

/** What the server adds to a client's receipt. */
export interface ServerStamp {
  siteId: number;
  serverTime: number;
  ip: string | null;
  userAgent: string | null;
  gpcHeader: boolean;
  jurisdiction: string | null;
}

/** Turns a stored row back into the public receipt shape. */
export function toStoredReceipt(row: Row, siteKey: string): StoredReceipt {
  const receipt: StoredReceipt = {
    id: row.id,
    siteKey,
    subjectId: row.subjectId ?? "",
    policyVersion: row.policyVersion,
    configHash: row.configHash,
    language: row.language,
    method: row.method as StoredReceipt["method"],
    decision: JSON.parse(row.decision),
    gpc: row.gpc,
    previousId: row.previousId,
    serverTime: new Date(row.serverTime).toISOString(),
    ip: row.ip,
    userAgent: row.userAgent,
    gpcHeader: row.gpcHeader,
    jurisdiction: row.jurisdiction,
  };
  if (row.pagePath !== null) receipt.pagePath = row.pagePath;
  return receipt;
}

/** Result of storing a receipt: `created` is false when the id was already stored (a retry). */
export interface StoreResult {
  created: boolean;
  row: Row;
}

/**
 * Appends a receipt. Idempotent by the client's id: storing the same id again returns the row
 * already there and writes nothing.
 */
export async function storeReceipt(
  db: Database,
  input: ReceiptInput,
  stamp: ServerStamp,
): Promise<StoreResult> {
  const row: Row = {
    id: input.id,
    siteId: stamp.siteId,
    subjectId: input.subjectId,
    serverTime: stamp.serverTime,
    policyVersion: input.policyVersion,
    configHash: input.configHash,
    language: input.language,
    method: input.method,
    decision: JSON.stringify(input.decision),
    gpc: input.gpc,
    gpcHeader: stamp.gpcHeader,
    pagePath: input.pagePath ?? null,
    previousId: input.previousId ?? null,
    ip: stamp.ip,
    userAgent: stamp.userAgent,
    jurisdiction: stamp.jurisdiction,
    digest: null,
    signature: null,
    keyId: null,
    erasedAt: null,
  };
  const inserted = await db
    .insert(receipts)
    .values(row)
    .onConflictDoNothing({ target: receipts.id })
    .returning({ id: receipts.id });
  if (inserted.length > 0) return { created: true, row };
  const existing = await db.select().from(receipts).where(eq(receipts.id, input.id)).limit(1);
  if (!existing[0]) throw new Error(`receipt ${input.id} neither inserted nor found`);
  return { created: false, row: existing[0] };
}
