import { type Member, MemberRoleSchema, MembersList, MembersUpdate } from "@assent/core";
import { apiTokens, type Database, memberInvitations, siteMembers, users } from "@assent/db";
import { and, asc, eq, exists, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import { Hono } from "hono";
import * as v from "valibot";
import { auditDetail } from "../audit";
import type { AppDeps } from "../deps";
import { ApiError, notFound } from "../errors";
import { defineRoute } from "../openapi";
import { siteRoute } from "./admin-route";
import { openInvitations } from "./invitation-store";
import { idParam, SiteParams, siteKeyParam } from "./site-params";

const base = "/v1/admin/sites/:site/members";
const MemberParams = v.object({ site: siteKeyParam, userId: idParam });

export const listMembersRoute = defineRoute({
  method: "GET",
  path: base,
  summary: "The site's users and their roles, and the invitations not yet accepted",
  tag: "users",
  access: { kind: "site", role: "viewer" },
  params: SiteParams,
  response: {
    status: 200,
    description: "`{ members: [...], invitations: [...] }`",
    schema: MembersList.response,
  },
});
export const changeRoleRoute = defineRoute({
  method: "PATCH",
  path: `${base}/:userId`,
  summary: "Change a member's role (a site always keeps an owner)",
  tag: "users",
  access: { kind: "site", role: "owner", sessionOnly: true },
  params: MemberParams,
  body: MemberRoleSchema,
  response: {
    status: 200,
    description: "The member with the new role",
    schema: MembersUpdate.response,
  },
  errors: ["MEMBER_NOT_FOUND", "LAST_OWNER"],
});
export const removeMemberRoute = defineRoute({
  method: "DELETE",
  path: `${base}/:userId`,
  summary: "Remove a member from the site and revoke their API tokens for it",
  tag: "users",
  access: { kind: "site", role: "owner", sessionOnly: true },
  params: MemberParams,
  response: { status: 204, description: "Removed" },
  errors: ["MEMBER_NOT_FOUND", "LAST_OWNER"],
});

async function member(db: Database, siteId: number, userId: number): Promise<Member | null> {
  const [row] = await db
    .select({ userId: users.id, email: users.email, name: users.name, role: siteMembers.role })
    .from(siteMembers)
    .innerJoin(users, eq(users.id, siteMembers.userId))
    .where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.userId, userId)));
  return row ?? null;
}

/**
 * The guard of a change that may take an owner away: true, where the statement runs, while
 * `userId` is a member of the site and either not an owner or not its only one. Evaluated inside
 * the change's batch, so two owners demoting or removing each other at once cannot both pass.
 */
function keepsAnOwnerWithout(db: Database, siteId: number, userId: number): SQL {
  const ofSite = eq(siteMembers.siteId, siteId);
  const otherOwner = db
    .select({ one: sql`1` })
    .from(siteMembers)
    .where(and(ofSite, eq(siteMembers.role, "owner"), ne(siteMembers.userId, userId)));
  const target = db
    .select({ one: sql`1` })
    .from(siteMembers)
    .where(
      and(
        ofSite,
        eq(siteMembers.userId, userId),
        or(ne(siteMembers.role, "owner"), exists(otherOwner)),
      ),
    );
  return exists(target);
}

/** The member's role where the statement runs (for the audit entry of a change to it). */
const roleNow = (db: Database, siteId: number, userId: number): SQL =>
  sql`(${db
    .select({ role: siteMembers.role })
    .from(siteMembers)
    .where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.userId, userId)))})`;

/** Users and roles of a site (invitations: `invitations.routes.ts`). */
export function memberRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const db = deps.db;

  const existing = async (siteId: number, userId: number) => {
    const found = await member(db, siteId, userId);
    if (!found) throw notFound("MEMBER_NOT_FOUND", "No such member of this site");
    return found;
  };
  /**
   * Revokes the open invitations `userId` sent for the site (only owners invite), under `guard`:
   * a member who is no longer an owner cannot come back through an invitation they still hold.
   */
  const revokeInvitationsBy = (siteId: number, userId: number, guard: SQL, now: number) =>
    db
      .update(memberInvitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(memberInvitations.siteId, siteId),
          eq(memberInvitations.invitedBy, userId),
          isNull(memberInvitations.acceptedAt),
          isNull(memberInvitations.revokedAt),
          guard,
        ),
      );
  /** Why a guarded change changed nothing: the member is gone, or is the last owner. */
  const refused = async (siteId: number, userId: number): Promise<never> => {
    await existing(siteId, userId);
    throw new ApiError("LAST_OWNER", "A site must keep at least one owner");
  };

  siteRoute(app, deps, listMembersRoute, async ({ c, site, now }) => {
    const members: Member[] = await db
      .select({ userId: users.id, email: users.email, name: users.name, role: siteMembers.role })
      .from(siteMembers)
      .innerJoin(users, eq(users.id, siteMembers.userId))
      .where(eq(siteMembers.siteId, site.id))
      .orderBy(asc(users.email));
    return c.json({ members, invitations: await openInvitations(db, site.id, now) });
  });

  siteRoute(app, deps, changeRoleRoute, async ({ c, input, site, now, auditEntry }) => {
    const target = await existing(site.id, input.params.userId);
    const { role } = input.body;
    const mine = and(eq(siteMembers.siteId, site.id), eq(siteMembers.userId, target.userId));
    // Making an owner never loses one; any other role must leave the site one (checked in SQL).
    const guard =
      role === "owner"
        ? exists(db.select({ one: sql`1` }).from(siteMembers).where(mine))
        : keepsAnOwnerWithout(db, site.id, target.userId);
    // The entry first (it reads the role before the change), all under the same guard; one no
    // longer an owner loses the invitations they sent.
    const [, , changed] = await db.batch([
      auditEntry(
        {
          action: "member.role",
          target: target.email,
          detail: auditDetail({ from: roleNow(db, site.id, target.userId), to: role }),
        },
        guard,
      ),
      revokeInvitationsBy(site.id, target.userId, role === "owner" ? sql`0` : guard, now),
      db
        .update(siteMembers)
        .set({ role })
        .where(and(mine, guard))
        .returning({ userId: siteMembers.userId }),
    ]);
    if (changed.length === 0) return refused(site.id, target.userId);
    return c.json({ ...target, role } satisfies Member);
  });

  siteRoute(app, deps, removeMemberRoute, async ({ c, input, site, now, auditEntry }) => {
    const target = await existing(site.id, input.params.userId);
    const guard = keepsAnOwnerWithout(db, site.id, target.userId);
    // The audit entry, the member's tokens and open invitations for the site and the membership
    // go together, all under the guard, the membership last (the guard reads it).
    const [, , , removed] = await db.batch([
      auditEntry(
        {
          action: "member.remove",
          target: target.email,
          detail: auditDetail({ role: roleNow(db, site.id, target.userId) }),
        },
        guard,
      ),
      db
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(
          and(
            eq(apiTokens.siteId, site.id),
            eq(apiTokens.userId, target.userId),
            isNull(apiTokens.revokedAt),
            guard,
          ),
        ),
      revokeInvitationsBy(site.id, target.userId, guard, now),
      db
        .delete(siteMembers)
        .where(and(eq(siteMembers.siteId, site.id), eq(siteMembers.userId, target.userId), guard))
        .returning({ userId: siteMembers.userId }),
    ]);
    if (removed.length === 0) return refused(site.id, target.userId);
    return c.body(null, 204);
  });

  return app;
}
