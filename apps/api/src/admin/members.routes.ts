import { type Member, MemberRoleSchema } from "@assent/core";
import { apiTokens, type Database, siteMembers, users } from "@assent/db";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { Hono } from "hono";
import * as v from "valibot";
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
  response: { status: 200, description: "`{ members: [...], invitations: [...] }`" },
});
export const changeRoleRoute = defineRoute({
  method: "PATCH",
  path: `${base}/:userId`,
  summary: "Change a member's role (a site always keeps an owner)",
  tag: "users",
  access: { kind: "site", role: "owner", sessionOnly: true },
  params: MemberParams,
  body: MemberRoleSchema,
  response: { status: 200, description: "The member with the new role" },
});
export const removeMemberRoute = defineRoute({
  method: "DELETE",
  path: `${base}/:userId`,
  summary: "Remove a member from the site and revoke their API tokens for it",
  tag: "users",
  access: { kind: "site", role: "owner", sessionOnly: true },
  params: MemberParams,
  response: { status: 204, description: "Removed" },
});

async function member(db: Database, siteId: number, userId: number): Promise<Member | null> {
  const [row] = await db
    .select({ userId: users.id, email: users.email, name: users.name, role: siteMembers.role })
    .from(siteMembers)
    .innerJoin(users, eq(users.id, siteMembers.userId))
    .where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.userId, userId)));
  return row ?? null;
}

async function ownerCount(db: Database, siteId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(siteMembers)
    .where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.role, "owner")));
  return row?.n ?? 0;
}

/** Users and roles of a site (invitations: `invitations.routes.ts`). */
export function memberRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const db = deps.db;

  const existing = async (siteId: number, userId: number) => {
    const found = await member(db, siteId, userId);
    if (!found) throw notFound("MEMBER_NOT_FOUND", "No such member of this site");
    return found;
  };
  const keepAnOwner = async (siteId: number, target: Member) => {
    if (target.role === "owner" && (await ownerCount(db, siteId)) <= 1) {
      throw new ApiError(409, "LAST_OWNER", "A site must keep at least one owner");
    }
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

  siteRoute(app, deps, changeRoleRoute, async ({ c, input, site, auditEntry }) => {
    const target = await existing(site.id, input.params.userId);
    const { role } = input.body;
    if (role !== "owner") await keepAnOwner(site.id, target);
    await db.batch([
      db
        .update(siteMembers)
        .set({ role })
        .where(and(eq(siteMembers.siteId, site.id), eq(siteMembers.userId, target.userId))),
      auditEntry({
        action: "member.role",
        target: target.email,
        detail: { from: target.role, to: role },
      }),
    ]);
    return c.json({ ...target, role } satisfies Member);
  });

  siteRoute(app, deps, removeMemberRoute, async ({ c, input, site, now, auditEntry }) => {
    const target = await existing(site.id, input.params.userId);
    await keepAnOwner(site.id, target);
    // The membership, the member's tokens for the site and the audit entry go together.
    await db.batch([
      db
        .delete(siteMembers)
        .where(and(eq(siteMembers.siteId, site.id), eq(siteMembers.userId, target.userId))),
      db
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(
          and(
            eq(apiTokens.siteId, site.id),
            eq(apiTokens.userId, target.userId),
            isNull(apiTokens.revokedAt),
          ),
        ),
      auditEntry({ action: "member.remove", target: target.email, detail: { role: target.role } }),
    ]);
    return c.body(null, 204);
  });

  return app;
}
