import { bumpNeedsReason, pacingDays, type SiteConfig } from "@assent/core";
import { type Database, siteConfigs } from "@assent/db";
import { and, asc, eq, gt, ne, sql } from "drizzle-orm";
import { ApiError } from "../errors";

/** A policy version's value as stored in a published configuration's JSON. */
const storedPolicyVersion = sql<string>`json_extract(${siteConfigs.config}, '$.policyVersion')`;

/**
 * The published version that began the site's current policy version: the first of the newest
 * run of versions carrying `policyVersion` (a bump, or the first publication).
 */
async function policyBegan(db: Database, siteId: number, policyVersion: string) {
  const mine = eq(siteConfigs.siteId, siteId);
  const before = db
    .select({ version: sql<number>`coalesce(max(${siteConfigs.version}), 0)` })
    .from(siteConfigs)
    .where(and(mine, ne(storedPolicyVersion, policyVersion)));
  const [row] = await db
    .select({ config: siteConfigs.config, publishedAt: siteConfigs.publishedAt })
    .from(siteConfigs)
    .where(and(mine, gt(siteConfigs.version, sql`(${before})`)))
    .orderBy(asc(siteConfigs.version))
    .limit(1);
  return row ? { config: JSON.parse(row.config) as SiteConfig, at: row.publishedAt } : null;
}

/**
 * Refuses a new policy version (`next`, replacing `current`) that would ask every visitor
 * again, refusals included, though nothing they are shown or asked changed since the current
 * version began less than six months ago, or less than the current configuration remembers a
 * refusal if that is longer (`pacingDays`), unless the caller says why (`reason`, kept in the
 * audit log by the caller). Does nothing when the policy version does not change.
 */
export async function requireReasonToAskAgain(
  db: Database,
  siteId: number,
  current: SiteConfig,
  next: SiteConfig,
  options: { now: number; reason?: string | undefined },
): Promise<void> {
  if (options.reason || next.policyVersion === current.policyVersion) return;
  const began = await policyBegan(db, siteId, current.policyVersion);
  const days = pacingDays(current);
  if (!began || !bumpNeedsReason(began.config, next, began.at, options.now, days)) return;
  const since = new Date(began.at).toISOString().slice(0, 10);
  throw new ApiError(
    "POLICY_UNCHANGED",
    `Nothing visitors are shown or asked has changed since policy version "${current.policyVersion}" began on ${since}: a new version now would ask every visitor again, overriding refusals younger than the ${days} days the site remembers them. Change what the banner says or asks, or give a reason (it is kept in the audit log).`,
  );
}
