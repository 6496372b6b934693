import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** A website that embeds the loader. `key` is the public id in `/s/KEY.js`. */
export const sites = sqliteTable("sites", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  /** JSON array of origins allowed to post receipts (the API's own origin is always allowed). */
  allowedOrigins: text("allowed_origins", { mode: "json" })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  /** How much of the visitor's IP address is kept: `truncate` (/24, /48) or `none`. */
  ipMode: text("ip_mode", { enum: ["truncate", "none"] })
    .notNull()
    .default("truncate"),
  /** Days a receipt is kept before the purge job removes it (default six years). */
  retentionDays: integer("retention_days").notNull().default(2190),
  /**
   * The retention the site's policy promises at least (default six years). Raised at once by any
   * owner; lowered, like retention below it, only by a signed-in owner after a grace period
   * (`retention_changes`).
   */
  minRetentionDays: integer("min_retention_days").notNull().default(2190),
  createdAt: integer("created_at").notNull(),
});
