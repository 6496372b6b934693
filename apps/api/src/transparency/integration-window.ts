import type { Database } from "@assent/db";
import { sql } from "drizzle-orm";

/** A published config not yet in its site's log. */
export interface PendingConfig {
  id: number;
  siteId: number;
  hash: string;
}

/** A receipt waiting in `log_pending`, in commit order. */
export interface PendingReceipt {
  /** Its `log_pending` row: with `id`, what the pass removes once it is logged. */
  queued: number;
  id: string;
  /**
   * What to log: null when there is nothing to (the receipt was purged before it was logged, is
   * in the log already, or was stored before receipts were signed); the pass only dequeues it.
   */
  log: { siteId: number; digest: string } | null;
}

/** Where a site's log stands, as the integrator reads it (`null` state: no log yet). */
export interface SiteLogState {
  siteId: number;
  siteKey: string;
  state: { size: number; edge: string; configCursor: number } | null;
}

/** What one integration pass reads, all in one transaction. */
export interface IntegrationWindow {
  /** Every site's published configs up to this id are logged (the least config cursor). */
  configFrom: number;
  configs: PendingConfig[];
  receipts: PendingReceipt[];
  /** The log state of every site with a config or a receipt to log in this window. */
  sites: SiteLogState[];
}

/** Rows as arrays on every driver (libSQL's rows are array-like objects, D1's arrays). */
const arrays = (result: unknown): unknown[][] =>
  (result as ArrayLike<unknown>[]).map((row) => Array.from(row));
const num = (value: unknown) => Number(value ?? 0);

/**
 * Reads what the next pass integrates, in one transaction (one `db.batch`), so the configs,
 * receipts and log states seen are one consistent snapshot: a config a receipt names was
 * committed before it, so it is in the same snapshot and is logged first; and a pass that read
 * the same snapshot as another appends at the same indexes, so the later of the two breaks
 * `log_leaves`' primary key and stores nothing.
 *
 * Receipts come from `log_pending`, which the statement storing a receipt fills (a trigger) and
 * a pass empties in the batch that logs them: never from a cursor over `receipts.rowid`, which
 * SQLite hands out again once a purge has deleted the newest receipts.
 */
export async function readWindow(
  db: Database,
  limits: { receipts: number; configs: number },
): Promise<IntegrationWindow> {
  const configFrom = sql`(SELECT coalesce(min(config_cursor), 0) FROM log_state)`;
  const configs = sql`SELECT id, site_id, hash FROM site_configs WHERE id > ${configFrom} ORDER BY id LIMIT ${limits.configs}`;
  const queued = sql`SELECT p.rowid AS queued, p.receipt_id, r.site_id, r.digest, EXISTS (SELECT 1 FROM log_leaves l WHERE l.receipt_id = p.receipt_id) AS logged FROM log_pending p LEFT JOIN receipts r ON r.id = p.receipt_id ORDER BY p.rowid LIMIT ${limits.receipts}`;
  const [from, configRows, receiptRows, siteRows] = await db.batch([
    db.values(sql`SELECT ${configFrom}`),
    db.values(configs),
    db.values(queued),
    db.values(
      sql`SELECT s.id, s.key, st.size, st.edge, st.config_cursor FROM sites s LEFT JOIN log_state st ON st.site_id = s.id WHERE s.id IN (SELECT site_id FROM (${configs}) UNION SELECT site_id FROM (${queued}))`,
    ),
  ]);
  return {
    configFrom: num(arrays(from)[0]?.[0]),
    configs: arrays(configRows).map((r) => ({
      id: num(r[0]),
      siteId: num(r[1]),
      hash: String(r[2]),
    })),
    receipts: arrays(receiptRows).map((r) => ({
      queued: num(r[0]),
      id: String(r[1]),
      log:
        r[2] == null || r[3] == null || num(r[4]) !== 0
          ? null
          : { siteId: num(r[2]), digest: String(r[3]) },
    })),
    sites: arrays(siteRows).map((r) => ({
      siteId: num(r[0]),
      siteKey: String(r[1]),
      state: r[2] == null ? null : { size: num(r[2]), edge: String(r[3]), configCursor: num(r[4]) },
    })),
  };
}
