import type { AuditEntry } from "@assent/core";
import { auditLog, type Database, users } from "@assent/db";
import { and, desc, eq, getTableColumns, is, SQL, sql } from "drizzle-orm";

/** One admin action to record. */
export interface AuditRecord {
  at: number;
  userId?: number | null;
  tokenId?: number | null;
  /** SQL for a site the same batch creates. */
  siteId?: number | SQL | null;
  /** e.g. `session.sign-in`, `subject.erase`, `config.publish`, `member.role`. */
  action: string;
  target?: string | null;
  /** Stored as JSON; SQL (see `auditDetail`) is evaluated by the insert itself. */
  detail?: unknown;
  ip?: string | null;
}

/**
 * An audit detail the insert computes: `json_object` of the fields, each a value (stored as its
 * JSON) or SQL evaluated in the same statement, such as the version or ids the same batch wrote.
 * @example auditDetail({ version: sql`(SELECT max(version) FROM site_configs WHERE ...)`, hash })
 */
export function auditDetail(fields: Record<string, unknown>): SQL {
  const pairs = Object.entries(fields).map(
    ([key, value]) =>
      sql`${key}, ${is(value, SQL) ? value : sql`json(${JSON.stringify(value ?? null)})`}`,
  );
  return sql`json_object(${sql.join(pairs, sql`, `)})`;
}

function auditRow(entry: AuditRecord) {
  const { detail } = entry;
  return {
    at: entry.at,
    userId: entry.userId ?? null,
    tokenId: entry.tokenId ?? null,
    siteId: entry.siteId ?? null,
    action: entry.action,
    target: entry.target ?? null,
    detail: is(detail, SQL) ? detail : detail === undefined ? null : JSON.stringify(detail),
    ip: entry.ip ?? null,
  };
}

/**
 * The insert of an audit entry, not run yet: put it in the `db.batch([...])` of the change it
 * records, so the change and its entry commit together or not at all. With `when`, the entry is
 * written only if that condition holds where the insert runs in the batch.
 */
export function auditInsert(db: Database, entry: AuditRecord, when?: SQL) {
  const row = auditRow(entry);
  const insert = db.insert(auditLog);
  if (!when) return insert.values(row).returning({ id: auditLog.id });
  // INSERT ... SELECT lists every column in the table's order; the id is SQLite's to choose.
  const cells: Record<string, unknown> = row;
  const values = Object.keys(getTableColumns(auditLog)).map((key) => {
    const cell = cells[key];
    return key === "id" ? sql`NULL` : is(cell, SQL) ? cell : sql`${cell}`;
  });
  return insert
    .select(sql`SELECT ${sql.join(values, sql`, `)} WHERE ${when}`)
    .returning({ id: auditLog.id });
}

/** The insert of an audit entry (see `auditInsert`). */
export type AuditInsert = ReturnType<typeof auditInsert>;

/** Runs an audit entry's insert on its own; returns the entry's id. */
export async function runAuditInsert(insert: AuditInsert): Promise<number> {
  const [row] = await insert;
  if (!row) throw new Error("audit entry was not written");
  return row.id;
}

/** Appends an entry to the audit log; returns its id. */
export function recordAudit(db: Database, entry: AuditRecord): Promise<number> {
  return runAuditInsert(auditInsert(db, entry));
}

/**
 * A site's audit log, newest first (by time, then id), `limit` entries after entry `before` in
 * that order. The page starts after `before`'s own place (its time, then its id), not below its
 * id: an entry written later with an earlier time (overlapping requests, another instance's
 * clock) is on a later page, never skipped.
 */
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
    .where(
      and(
        eq(auditLog.siteId, siteId),
        before
          ? sql`(${auditLog.at}, ${auditLog.id}) < (SELECT ${auditLog.at}, ${auditLog.id} FROM ${auditLog} WHERE ${auditLog.id} = ${before})`
          : undefined,
      ),
    )
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
