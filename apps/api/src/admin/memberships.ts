import type { Role, SiteSummary } from "@assent/core";
import { type Database, siteMembers, sites } from "@assent/db";
import { and, asc, eq } from "drizzle-orm";
import { ApiError } from "../errors";
import type { Site } from "../sites";

/** The sites a user may see, with their role on each. */
export async function sitesForUser(db: Database, userId: number): Promise<SiteSummary[]> {
  return db
    .select({ key: sites.key, name: sites.name, role: siteMembers.role })
    .from(siteMembers)
    .innerJoin(sites, eq(sites.id, siteMembers.siteId))
    .where(eq(siteMembers.userId, userId))
    .orderBy(asc(sites.key));
}

const RANK: Record<Role, number> = { viewer: 0, admin: 1, owner: 2 };

/**
 * Resolves a site key for a user, requiring at least `minimum` role. Answers the same 404 whether
 * the site does not exist or the user is not a member, so keys of other tenants do not leak.
 */
export async function siteForUser(
  db: Database,
  userId: number,
  key: string | undefined,
  minimum: Role = "viewer",
): Promise<Site & { role: Role }> {
  if (!key) throw new ApiError(400, "SITE_REQUIRED", "Say which site with ?site=KEY");
  const rows = await db
    .select({ site: sites, role: siteMembers.role })
    .from(sites)
    .innerJoin(siteMembers, and(eq(siteMembers.siteId, sites.id), eq(siteMembers.userId, userId)))
    .where(eq(sites.key, key))
    .limit(1);
  const row = rows[0];
  if (!row)
    throw new ApiError(404, "SITE_NOT_FOUND", `No site "${key.slice(0, 64)}" for this account`);
  if (RANK[row.role] < RANK[minimum]) {
    throw new ApiError(403, "FORBIDDEN", `This needs the ${minimum} role on "${key}"`);
  }
  return { ...row.site, role: row.role };
}
