import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";

/**
 * The witnesses a site's log submits its checkpoints to (C2SP `tlog-witness`), and where each
 * stands: the size it last cosigned, and the last failure, kept for the owner to see.
 */
export const witnessPeers = sqliteTable(
  "witness_peers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    /** A label for people (the witness's key name is in `vkey`). */
    name: text("name").notNull(),
    /** The witness's submission prefix; `add-checkpoint` is POSTed under it. */
    url: text("url").notNull(),
    /** The witness's cosignature verifier key (type 0x04). */
    vkey: text("vkey").notNull(),
    /** The size the witness last cosigned (or said it holds), 0 before the first. */
    size: integer("size").notNull().default(0),
    lastAttemptAt: integer("last_attempt_at"),
    lastSuccessAt: integer("last_success_at"),
    /** The last failure, JSON `{ status, code, message }`; null after a success. */
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("witness_peers_site_vkey").on(t.siteId, t.vkey)],
);
