import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";

/**
 * Where each site's log stands: its size, the right edge of its tree (enough to append without
 * reading the tree), and how far the integrator has read. Every receipt of the site with a rowid
 * at most `receiptCursor`, and every published config with an id at most `configCursor`, is in
 * the log's first `size` entries.
 */
export const logState = sqliteTable("log_state", {
  siteId: integer("site_id")
    .primaryKey()
    .references(() => sites.id),
  size: integer("size").notNull(),
  /** The tree's right edge (the roots of its perfect subtrees), encoded by core's `encodeEdge`. */
  edge: text("edge").notNull(),
  /** The `receipts` rowid up to which this site's receipts are logged (rowid order is commit order). */
  receiptCursor: integer("receipt_cursor").notNull(),
  /** The `site_configs.id` up to which this site's published configs are logged. */
  configCursor: integer("config_cursor").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
