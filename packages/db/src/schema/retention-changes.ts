import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sites } from "./sites";
import { users } from "./users";

/**
 * A scheduled lowering of a site's retention (or of its declared minimum), asked for by a
 * signed-in owner. It takes effect at `effective_at`, after a grace period, unless cancelled
 * first; until then the purge keeps using `sites.retention_days`. At most one is pending a site.
 */
export const retentionChanges = sqliteTable(
  "retention_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    /** The retention and minimum the site will have once the change takes effect. */
    retentionDays: integer("retention_days").notNull(),
    minRetentionDays: integer("min_retention_days").notNull(),
    requestedBy: integer("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: integer("requested_at").notNull(),
    effectiveAt: integer("effective_at").notNull(),
    cancelledAt: integer("cancelled_at"),
    cancelledBy: integer("cancelled_by").references(() => users.id),
    appliedAt: integer("applied_at"),
  },
  (t) => [
    uniqueIndex("retention_changes_one_pending")
      .on(t.siteId)
      .where(sql`cancelled_at IS NULL AND applied_at IS NULL`),
    index("retention_changes_due").on(t.effectiveAt),
  ],
);
