import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";

/**
 * Every checkpoint signed for a site's log (C2SP `tlog-checkpoint` as a `signed-note`), the
 * latest and the older ones alike: anyone holding an older checkpoint can ask for consistency
 * with a newer one, and witnesses need them.
 */
export const logCheckpoints = sqliteTable(
  "log_checkpoints",
  {
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    size: integer("size").notNull(),
    /** The signed note's text. */
    note: text("note").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.size] })],
);
