import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";

/**
 * Cosignatures witnesses gave a site's checkpoints (C2SP `tlog-cosignature` signature lines),
 * served with the checkpoint of that size.
 */
export const witnessCosignatures = sqliteTable(
  "witness_cosignatures",
  {
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    size: integer("size").notNull(),
    /** `witness_peers.id` of the witness that gave it. */
    peerId: integer("peer_id").notNull(),
    /** The signature line, `— <name> base64(...)\n`. */
    line: text("line").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.size, t.peerId] })],
);
