import type { AuditEntry } from "@assent/core";
import { auditLog, type Database, users } from "@assent/db";
import { and, desc, eq, lt } from "drizzle-orm";

/** One admin action to record. */
export interface AuditRecord {
  at: number;
  userId?: number | null;
  tokenId?: number | null;
  siteId?: number | null;
  /** e.g. `session.sign-in`, `subject.erase`, `config.publish`, `member.role`. */
  action: string;
  target?: string | null;
  detail?: unknown;
  ip?: string | null;
}

/** Appends an entry to the audit log; returns its id. */
export async function recordAudit(db: Database, entry: AuditRecord): Promise<number> {
  const [row] = await db
    .insert(auditLog)
    .values({
      at: entry.at,
      userId: entry.userId ?? null,
      tokenId: entry.tokenId ?? null,
      siteId: entry.siteId ?? null,
      action: entry.action,
      target: entry.target ?? null,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
      ip: entry.ip ?? null,
    })
    .returning({ id: auditLog.id });
  if (!row) throw new Error("audit entry was not written");
  return row.id;
}

/** A site's audit log, newest first, `limit` entries before entry id `before`. */
export async function listAudit(
  db: Database,
  siteId: number,
  limit: number,
  before?: number,
): Promise<AuditEntry[]> {
  const rows = await db
    .select({ entry: auditLog, email: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.siteId, siteId), before ? lt(auditLog.id, before) : undefined))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return rows.map(({ entry, email }) => ({
    id: entry.id,
    at: new Date(entry.at).toISOString(),
    user: email,
    tokenId: entry.tokenId,
    action: entry.action,
    target: entry.target,
    detail: entry.detail === null ? null : JSON.parse(entry.detail),
    ip: entry.ip,
  }));
}
