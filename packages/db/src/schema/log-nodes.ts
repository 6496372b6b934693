import { integer, primaryKey, sqliteTable } from "drizzle-orm/sqlite-core";
import { bytes } from "./log-bytes";
import { sites } from "./sites";

/**
 * The hashes tiles are made of: every complete node of each site's Merkle tree at tree levels 0
 * (the leaf hashes), 8, 16, ... A tile at tile level L, index N, width W is the concatenation of
 * the level-8L hashes N*256 .. N*256+W-1. Written once, never changed.
 */
export const logNodes = sqliteTable(
  "log_nodes",
  {
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    /** Tree level: 0, 8, 16, ... */
    level: integer("level").notNull(),
    idx: integer("idx").notNull(),
    /** SHA-256, 32 bytes. */
    hash: bytes("hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.level, t.idx] })],
);
