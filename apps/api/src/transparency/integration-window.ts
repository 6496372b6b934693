import type { Database } from "@assent/db";
import { type SQL, sql } from "drizzle-orm";

/** A published config not yet in its site's log. */
export interface PendingConfig {
  id: number;
  siteId: number;
  hash: string;
}

/** A committed receipt, by its `rowid` (commit order). */
export interface PendingReceipt {
  rowid: number;
  id: string;
  siteId: number;
  /** Null only for a row stored before receipts were signed: nothing to log. */
  digest: string | null;
}

/** Where a site's log stands, as the integrator reads it (`null` state: no log yet). */
export interface SiteLogState {
  siteId: number;
  siteKey: string;
  state: { size: number; edge: string; receiptCursor: number; configCursor: number } | null;
}

/** What one integration pass reads, all in one transaction. */
export interface IntegrationWindow {
  /** Every site's receipts up to this rowid are logged (the least receipt cursor). */
  receiptFrom: number;
  configFrom: number;
  configs: PendingConfig[];
  receipts: PendingReceipt[];
  /**
   * The receipts table's rowids went back below the cursors (the table was emptied, or its
   * newest rows deleted, and SQLite reused rowids): `receipts` then holds the rows not yet
   * logged from the start of the table, found through `log_leaves.receipt_id`.
   */
  rowidsReused: boolean;
}

/** Rows as arrays on every driver (libSQL's rows are array-like objects, D1's arrays). */
const arrays = (result: unknown): unknown[][] =>
  (result as ArrayLike<unknown>[]).map((row) => Array.from(row));
const rows = async (db: Database, query: SQL) => arrays(await db.values(query));
const num = (value: unknown) => Number(value ?? 0);

/**
 * Reads what the next pass integrates, in one transaction (one `db.batch`), so the configs and
 * receipts seen are one consistent snapshot: a config a receipt names was committed before it,
 * so it is in the same snapshot and is logged first.
 *
 * Receipts are read in `rowid` order. Writers are serialised by SQLite (libSQL's file lock, D1's
 * single writer), and a rowid is the table's largest plus one when the row is inserted, so rowid
 * order is commit order: a receipt committed after this read gets a larger rowid than any seen
 * here. The one exception is a table whose newest rows are deleted (emptied by a purge): SQLite
 * then hands out rowids again from the largest left; `rowidsReused` reports it, and that pass
 * reads from the start, leaving out receipts already logged.
 */
export async function readWindow(
  db: Database,
  limits: { receipts: number; configs: number },
): Promise<IntegrationWindow> {
  const from = sql`(SELECT coalesce(min(receipt_cursor), 0) FROM log_state)`;
  const configFrom = sql`(SELECT coalesce(min(config_cursor), 0) FROM log_state)`;
  const configsAfter = () =>
    db.values(
      sql`SELECT id, site_id, hash FROM site_configs WHERE id > ${configFrom} ORDER BY id LIMIT ${limits.configs}`,
    );
  const [cursors, configs, receipts] = await db.batch([
    db.values(
      sql`SELECT ${from} AS receipt_from, ${configFrom} AS config_from, (SELECT coalesce(max(rowid), 0) FROM receipts) AS max_rowid`,
    ),
    configsAfter(),
    db.values(
      sql`SELECT rowid AS row_id, id, site_id, digest FROM receipts WHERE rowid > ${from} ORDER BY rowid LIMIT ${limits.receipts}`,
    ),
  ]);
  const [receiptFrom, configStart, maxRowid] = (arrays(cursors)[0] ?? []).map(num);
  const rowidsReused = num(receiptFrom) > num(maxRowid);
  // Rare (the table emptied): a second snapshot, reading the receipts not yet logged by id.
  const [windowConfigs, windowReceipts] = rowidsReused
    ? await db.batch([
        configsAfter(),
        db.values(
          sql`SELECT r.rowid AS row_id, r.id, r.site_id, r.digest FROM receipts r WHERE NOT EXISTS (SELECT 1 FROM log_leaves l WHERE l.receipt_id = r.id) ORDER BY r.rowid LIMIT ${limits.receipts}`,
        ),
      ])
    : [configs, receipts];
  const toReceipt = (r: unknown[]): PendingReceipt => ({
    rowid: num(r[0]),
    id: String(r[1]),
    siteId: num(r[2]),
    digest: r[3] == null ? null : String(r[3]),
  });
  return {
    receiptFrom: rowidsReused ? 0 : num(receiptFrom),
    configFrom: num(configStart),
    configs: arrays(windowConfigs).map((r) => ({
      id: num(r[0]),
      siteId: num(r[1]),
      hash: String(r[2]),
    })),
    receipts: arrays(windowReceipts).map(toReceipt),
    rowidsReused,
  };
}

/** The log state of each of `siteIds` (a site without a log yet has `state: null`). */
export async function readSiteStates(db: Database, siteIds: number[]): Promise<SiteLogState[]> {
  const found = await rows(
    db,
    sql`SELECT s.id, s.key, st.size, st.edge, st.receipt_cursor, st.config_cursor FROM sites s LEFT JOIN log_state st ON st.site_id = s.id WHERE s.id IN (SELECT value FROM json_each(${JSON.stringify(siteIds)}))`,
  );
  return found.map((r) => ({
    siteId: num(r[0]),
    siteKey: String(r[1]),
    state:
      r[2] == null
        ? null
        : {
            size: num(r[2]),
            edge: String(r[3]),
            receiptCursor: num(r[4]),
            configCursor: num(r[5]),
          },
  }));
}
