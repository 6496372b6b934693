import { sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The receipts stored but not yet in their site's transparency log, in commit order (`rowid`).
 * The trigger `receipts_log_pending` (migration 0010) adds a row in the very statement that
 * stores a signed receipt, whoever stores it; an integration pass removes the rows it logged in
 * the batch that logs them. So a receipt is either logged or waiting here, never skipped: unlike
 * a cursor over `receipts.rowid`, which SQLite reuses once a purge deletes the newest receipts.
 *
 * Its own rowids may be reused too (the queue empties on every pass), which is harmless: among
 * the rows present, rowid order is insertion order, and a pass removes the `(rowid, receipt_id)`
 * pairs it read, never a range.
 */
export const logPending = sqliteTable("log_pending", {
  /** The stored receipt waiting to be logged (`receipts.id`; no foreign key: a purge may win). */
  receiptId: text("receipt_id").notNull(),
});
