import type { ConfigState, ConfigVersion, ConfigVersionSummary } from "@assent/core";
import { type Database, siteConfigDrafts, siteConfigs, users } from "@assent/db";
import { and, desc, eq } from "drizzle-orm";

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

/** What visitors see now, and what admins are editing. */
export async function configState(db: Database, siteId: number): Promise<ConfigState> {
  const [draft] = await db
    .select({ draft: siteConfigDrafts, email: users.email })
    .from(siteConfigDrafts)
    .leftJoin(users, eq(users.id, siteConfigDrafts.updatedBy))
    .where(eq(siteConfigDrafts.siteId, siteId));
  return {
    published: await publishedVersion(db, siteId),
    draft: draft
      ? {
          config: JSON.parse(draft.draft.config),
          updatedAt: new Date(draft.draft.updatedAt).toISOString(),
          updatedBy: draft.email,
        }
      : null,
  };
}
