import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";

/**
 * The logs this server witnesses, each known by its origin and the note verifier key its
 * checkpoints must be signed with, and the latest checkpoint it cosigned. `size` and `root` only
 * move forward along a consistency proof: an update is guarded by the size and root read, so two
 * submissions at once cannot cosign two roots for one size nor roll the log back.
 */
export const witnessedLogs = sqliteTable("witnessed_logs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** The site whose owner added the log (the audit entry's site). */
  siteId: integer("site_id")
    .notNull()
    .references(() => sites.id),
  /** The log's origin line, e.g. `consent.a.example/v1/sites/demo/log`. */
  origin: text("origin").notNull().unique(),
  /** The log's note verifier key (`name+hash+base64`). */
  vkey: text("vkey").notNull(),
  /** Size of the latest checkpoint cosigned; 0 before the first. */
  size: integer("size").notNull().default(0),
  /** Its root hash, base64; null before the first cosignature. */
  root: text("root"),
  /** That checkpoint with the log's signature and this witness's cosignature. */
  note: text("note"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
