import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";

/**
 * The consent log. Append-only: a withdrawal is a new row, never an update; erasure clears the
 * personal columns and keeps the proof that a record existed.
 */
export const receipts = sqliteTable(
  "receipts",
  {
    /** UUIDv7 made by the client: a retry of the same receipt is the same row. */
    id: text("id").primaryKey(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    subjectId: text("subject_id"),
    /** Server time in ms since epoch. */
    serverTime: integer("server_time").notNull(),
    policyVersion: text("policy_version").notNull(),
    configHash: text("config_hash").notNull(),
    language: text("language").notNull(),
    method: text("method").notNull(),
    /** JSON `{ categories, services }` with every granted and denied id. */
    decision: text("decision").notNull(),
    gpc: integer("gpc", { mode: "boolean" }).notNull(),
    gpcHeader: integer("gpc_header", { mode: "boolean" }).notNull(),
    pagePath: text("page_path"),
    previousId: text("previous_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    jurisdiction: text("jurisdiction"),
  },
  (t) => [
    index("receipts_site_time").on(t.siteId, t.serverTime, t.id),
    index("receipts_site_subject").on(t.siteId, t.subjectId, t.serverTime),
  ],
);
