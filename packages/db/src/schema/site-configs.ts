import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";

/**
 * Published configuration versions. A row is immutable once written: a change is a new version.
 * `hash` is the SHA-256 of the canonical JSON of `config`; receipts point at it.
 */
export const siteConfigs = sqliteTable(
  "site_configs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    version: integer("version").notNull(),
    hash: text("hash").notNull(),
    config: text("config").notNull(),
    publishedAt: integer("published_at").notNull(),
    publishedBy: integer("published_by"),
    /**
     * JSON array of the compliance warnings (rule ids) the publisher acknowledged, sorted;
     * `null` for versions published before acknowledgements existed, or by the system.
     */
    acknowledged: text("acknowledged"),
  },
  (t) => [
    uniqueIndex("site_configs_site_version").on(t.siteId, t.version),
    index("site_configs_hash").on(t.hash),
  ],
);

/** The configuration a site's admins are editing; publishing copies it into `site_configs`. */
export const siteConfigDrafts = sqliteTable("site_config_drafts", {
  siteId: integer("site_id")
    .primaryKey()
    .references(() => sites.id),
  config: text("config").notNull(),
  updatedAt: integer("updated_at").notNull(),
  updatedBy: integer("updated_by"),
});
