import { hasRole, type Role, type SiteSummary } from "@assent/core";
import { type Database, siteMembers, sites } from "@assent/db";
import { and, asc, eq } from "drizzle-orm";
import type { Principal } from "../auth";
import { ApiError } from "../errors";
import type { Site } from "../sites";

/** A site as one caller may use it, with the caller's effective role there. */
export type SiteAccess = Site & { role: Role };

/** The sites a user may see, with their role on each. */
export async function sitesForUser(db: Database, userId: number): Promise<SiteSummary[]> {
  return db
    .select({ key: sites.key, name: sites.name, role: siteMembers.role })
    .from(siteMembers)
    .innerJoin(sites, eq(sites.id, siteMembers.siteId))
    .where(eq(siteMembers.userId, userId))
    .orderBy(asc(sites.key));
}

/** The weaker of two roles. */
function weaker(a: Role, b: Role): Role {
  return hasRole(a, b) ? b : a;
}

/**
 * Resolves a site key for a caller, requiring at least `minimum` role. Answers the same 404
 * whether the site does not exist, the user is not a member, or an API token belongs to another
 * site, so keys of other tenants do not leak. A token acts with the weaker of its own role and its
 * creator's current role, so removing a member also disarms their tokens.
 */
export async function siteForPrincipal(
  db: Database,
  principal: Principal,
  key: string,
  minimum: Role,
): Promise<SiteAccess> {
  const rows = await db
    .select({ site: sites, role: siteMembers.role })
    .from(sites)
    .innerJoin(
      siteMembers,
      and(eq(siteMembers.siteId, sites.id), eq(siteMembers.userId, principal.user.id)),
    )
    .where(eq(sites.key, key))
    .limit(1);
  const row = rows[0];
  if (!row || (principal.kind === "token" && principal.siteId !== row.site.id)) {
    throw new ApiError("SITE_NOT_FOUND", `No site "${key.slice(0, 64)}" for this account`);
  }
  const role = principal.kind === "token" ? weaker(principal.role, row.role) : row.role;
  if (!hasRole(role, minimum)) {
    throw new ApiError("FORBIDDEN", `This needs the ${minimum} role on "${key}"`);
  }
  return { ...row.site, role };
}
