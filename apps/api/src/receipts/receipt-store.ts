import { canonicalJson, type ReceiptInput, type StoredReceipt } from "@assent/core";
import type { receipts } from "@assent/db";

/** A row of the `receipts` table. */
export type ReceiptRow = typeof receipts.$inferSelect;

/** What the server adds to a client's receipt. */
export interface ServerStamp {
  siteId: number;
  serverTime: number;
  ip: string | null;
  userAgent: string | null;
  gpcHeader: boolean;
  jurisdiction: string | null;
  /** ISO 3166-2 subdivision (`US-CA`) from the trusted proxy, or `null`. */
  subdivision: string | null;
  /** The configuration's rule that applied, or `null` for a site without rules. */
  ruleId: string | null;
  /** Version of the published configuration the receipt names by hash. */
  configVersion: number | null;
}

/** Turns a stored row back into the public receipt shape (with its proof when signed). */
export function toStoredReceipt(row: ReceiptRow, siteKey: string): StoredReceipt {
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
  // Absent rather than null when unknown: receipts signed before these fields keep their digest.
  if (row.subdivision !== null) receipt.subdivision = row.subdivision;
  if (row.ruleId !== null) receipt.ruleId = row.ruleId;
  if (row.configVersion !== null) receipt.configVersion = row.configVersion;
  if (row.wording !== null) receipt.wording = row.wording;
  const proof = receiptProof(row);
  if (proof) receipt.proof = proof;
  return receipt;
}

/** A stored row's proof (digest, signature, key id), or nothing for a row not signed. */
export function receiptProof(row: ReceiptRow): StoredReceipt["proof"] {
  if (!row.digest || !row.signature || !row.keyId) return undefined;
  return { alg: "EdDSA", kid: row.keyId, digest: row.digest, signature: row.signature };
}

/** The row a validated receipt becomes, not yet signed. */
export function receiptRow(input: ReceiptInput, stamp: ServerStamp): ReceiptRow {
  return {
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
    subdivision: stamp.subdivision,
    ruleId: stamp.ruleId,
    configVersion: stamp.configVersion,
    wording: input.wording ?? null,
    digest: null,
    signature: null,
    keyId: null,
    erasedAt: null,
  };
}

/**
 * Whether a stored receipt is the one a client sent again (the outbox retries with the same id
 * until it hears back): the same site and subject, and the same choice, configuration, language,
 * page, GPC flag and wording. Anything else is another receipt reusing the id: answering it `200`
 * would acknowledge a choice that is not stored. `previousId` is left out (the writer keeps it
 * only where it names the subject's receipt), and so is what the server stamps.
 */
export function sameReceipt(stored: ReceiptRow, sent: ReceiptRow): boolean {
  const decision = (row: ReceiptRow) => canonicalJson(JSON.parse(row.decision));
  return (
    stored.siteId === sent.siteId &&
    stored.subjectId === sent.subjectId &&
    stored.policyVersion === sent.policyVersion &&
    stored.configHash === sent.configHash &&
    stored.language === sent.language &&
    stored.method === sent.method &&
    stored.gpc === sent.gpc &&
    stored.pagePath === sent.pagePath &&
    stored.wording === sent.wording &&
    decision(stored) === decision(sent)
  );
}
