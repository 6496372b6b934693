import {
  type ConfigState,
  type ConfigVersion,
  type ConfigVersionSummary,
  type LintContext,
  lintConfig,
} from "@assent/core";
import { type Database, siteConfigDrafts, siteConfigs, users } from "@assent/db";
import { and, desc, eq } from "drizzle-orm";
import type { Site } from "../sites";

/** A published version's row as listed. */
export function versionRow(
  row: typeof siteConfigs.$inferSelect,
  publishedBy: string | null,
): ConfigVersionSummary {
  return {
    version: row.version,
    hash: row.hash,
    policyVersion: (JSON.parse(row.config) as { policyVersion: string }).policyVersion,
    publishedAt: new Date(row.publishedAt).toISOString(),
    publishedBy,
    acknowledged: row.acknowledged ? (JSON.parse(row.acknowledged) as string[]) : [],
  };
}

/** One published version with its configuration: a given `version`, or the newest. */
export async function publishedVersion(
  db: Database,
  siteId: number,
  version?: number,
): Promise<ConfigVersion | null> {
  const [row] = await db
    .select({ row: siteConfigs, email: users.email })
    .from(siteConfigs)
    .leftJoin(users, eq(users.id, siteConfigs.publishedBy))
    .where(
      and(
        eq(siteConfigs.siteId, siteId),
        version === undefined ? undefined : eq(siteConfigs.version, version),
      ),
    )
    .orderBy(desc(siteConfigs.version))
    .limit(1);
  return row ? { ...versionRow(row.row, row.email), config: JSON.parse(row.row.config) } : null;
}

/** What the linter knows of a site besides its configuration: the origins its pages are on. */
export function lintContext(site: Site): LintContext {
  return { siteOrigins: site.allowedOrigins };
}

/** What visitors see now, what admins are editing, and what the linter finds in the latter. */
export async function configState(db: Database, site: Site): Promise<ConfigState> {
  const [draft] = await db
    .select({ draft: siteConfigDrafts, email: users.email })
    .from(siteConfigDrafts)
    .leftJoin(users, eq(users.id, siteConfigDrafts.updatedBy))
    .where(eq(siteConfigDrafts.siteId, site.id));
  const published = await publishedVersion(db, site.id);
  const edited = draft ? JSON.parse(draft.draft.config) : published?.config;
  return {
    published,
    draft: draft
      ? {
          config: edited,
          updatedAt: new Date(draft.draft.updatedAt).toISOString(),
          updatedBy: draft.email,
        }
      : null,
    findings: edited ? lintConfig(edited, lintContext(site)) : [],
  };
}
