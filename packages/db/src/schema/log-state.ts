import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";

/**
 * Where each site's log stands: its size, the right edge of its tree (enough to append without
 * reading the tree), and how far the integrator has read the published configs: every config of
 * the site with an id at most `configCursor` is in the log's first `size` entries (config ids are
 * AUTOINCREMENT, never reused). Receipts waiting to be logged are in `log_pending`.
 */
export const logState = sqliteTable("log_state", {
  siteId: integer("site_id")
    .primaryKey()
    .references(() => sites.id),
  size: integer("size").notNull(),
  /** The tree's right edge (the roots of its perfect subtrees), encoded by core's `encodeEdge`. */
  edge: text("edge").notNull(),
  /** The `site_configs.id` up to which this site's published configs are logged. */
  configCursor: integer("config_cursor").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
