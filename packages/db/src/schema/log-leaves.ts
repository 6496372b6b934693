import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { bytes } from "./log-bytes";
import { sites } from "./sites";

/**
 * The entries of each site's transparency log, in log order (`idx` from 0). An entry carries no
 * personal data (`receipt <digest>` or `config <hash>`), so erasure and the retention purge never
 * touch this table. The primary key is what keeps two integrators from logging anything twice:
 * the second batch to claim an index fails and retries.
 */
export const logLeaves = sqliteTable(
  "log_leaves",
  {
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    idx: integer("idx").notNull(),
    /** The entry's bytes, exactly as hashed into the leaf and served in entry bundles. */
    entry: bytes("entry").notNull(),
    /** The receipt this entry logs (none for a config entry); kept after the receipt is purged. */
    receiptId: text("receipt_id"),
    /** The published `site_configs.id` this entry logs (none for a receipt entry). */
    configId: integer("config_id"),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.idx] }), index("log_leaves_receipt").on(t.receiptId)],
);
