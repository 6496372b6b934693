import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Daily rollups, kept up to date in the same transaction as each receipt, so statistics over
 * months read hundreds of rows instead of millions. `day` is days since the Unix epoch (UTC).
 */
export const dailyMethodStats = sqliteTable(
  "daily_method_stats",
  {
    siteId: integer("site_id").notNull(),
    day: integer("day").notNull(),
    policyVersion: text("policy_version").notNull(),
    method: text("method").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.day, t.policyVersion, t.method] })],
);

/** Per day, policy version and category: how many receipts granted it and how many denied it. */
export const dailyCategoryStats = sqliteTable(
  "daily_category_stats",
  {
    siteId: integer("site_id").notNull(),
    day: integer("day").notNull(),
    policyVersion: text("policy_version").notNull(),
    category: text("category").notNull(),
    granted: integer("granted").notNull().default(0),
    denied: integer("denied").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.day, t.policyVersion, t.category] })],
);

/**
 * Per day, policy version, place and rule: how many receipts each method made. `jurisdiction`
 * is the subdivision (`US-CA`) when known, else the country (`FR`), else `""` (unknown);
 * `rule_id` is the rule that applied, `""` for a site without rules.
 */
export const dailyJurisdictionStats = sqliteTable(
  "daily_jurisdiction_stats",
  {
    siteId: integer("site_id").notNull(),
    day: integer("day").notNull(),
    policyVersion: text("policy_version").notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    ruleId: text("rule_id").notNull(),
    method: text("method").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    primaryKey({
      columns: [t.siteId, t.day, t.policyVersion, t.jurisdiction, t.ruleId, t.method],
    }),
  ],
);
