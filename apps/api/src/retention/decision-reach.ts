import { MAX_DECISION_DAYS } from "@assent/core";
import { type Database, siteConfigs } from "@assent/db";
import { and, asc, desc, eq, gte, sql } from "drizzle-orm";

const DAY_MS = 86_400_000;

/**
 * How long after a newer configuration is published a visitor may still decide under the one it
 * replaced: a page keeps the configuration it loaded (the loader is cached for up to an hour and
 * five minutes, and a tab may stay open), so a replaced version is counted a month longer.
 */
export const REPLACED_CONFIG_DAYS = 30;

/**
 * A stored version's longest expiry in days (after an acceptance or a refusal, whichever is
 * longer), read in SQL; a version stored without `expiry` counts as the most any may remember.
 */
const expiryDays = sql<number>`max(
  coalesce(json_extract(${siteConfigs.config}, '$.expiry.acceptedDays'), ${MAX_DECISION_DAYS}),
  coalesce(json_extract(${siteConfigs.config}, '$.expiry.rejectedDays'), ${MAX_DECISION_DAYS})
)`;

/** The longest expiry (days) of the site's published configuration, or `null` when it has none. */
export async function publishedExpiryDays(db: Database, siteId: number): Promise<number | null> {
  const [row] = await db
    .select({ days: expiryDays })
    .from(siteConfigs)
    .where(eq(siteConfigs.siteId, siteId))
    .orderBy(desc(siteConfigs.version))
    .limit(1);
  return row ? Number(row.days) : null;
}

/**
 * How many days back a receipt of the site may prove a decision still in force at `now`, so the
 * purge keeps at least that much, whatever the site's retention (GDPR art. 7(1): consent is
 * demonstrated for as long as it is relied on).
 *
 * A decision is remembered by the visitor's cookie for the expiry of the configuration it was made
 * under, counted from the decision, which comes before its receipt's server time; a visitor
 * decides under the published version, or under one replaced less than `REPLACED_CONFIG_DAYS`
 * ago. So a receipt older than the longest expiry among these versions proves nothing in force:
 * the version published at `now`, and each earlier one replaced less than its own longest expiry
 * plus `REPLACED_CONFIG_DAYS` ago (its decisions may still be remembered). A version with a longer
 * expiry replaced long ago no longer holds receipts back. `0` for a site with no configuration.
 */
export async function decisionReachDays(
  db: Database,
  siteId: number,
  now: number,
): Promise<number> {
  // A version replaced before the horizon is out of reach, whatever its expiry (the validator's
  // maximum): only the versions published since, and the one that was published when it began.
  const horizon = now - (MAX_DECISION_DAYS + REPLACED_CONFIG_DAYS) * DAY_MS;
  const first = sql`coalesce((SELECT max(${siteConfigs.version}) FROM ${siteConfigs}
    WHERE ${siteConfigs.siteId} = ${siteId} AND ${siteConfigs.publishedAt} <= ${horizon}), 0)`;
  const versions = await db
    .select({ publishedAt: siteConfigs.publishedAt, days: expiryDays })
    .from(siteConfigs)
    .where(and(eq(siteConfigs.siteId, siteId), gte(siteConfigs.version, first)))
    .orderBy(asc(siteConfigs.version));
  let reach = 0;
  versions.forEach(({ days }, i) => {
    const replacedAt = versions[i + 1]?.publishedAt;
    const held = Number(days);
    if (replacedAt === undefined || replacedAt > now - (held + REPLACED_CONFIG_DAYS) * DAY_MS) {
      reach = Math.max(reach, held);
    }
  });
  return reach;
}
