import { type CreatedInvitation, InvitationsCreate, MemberInviteSchema } from "@assent/core";
import { siteMembers, users } from "@assent/db";
import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import * as v from "valibot";
import { auditDetail } from "../audit";
import type { AppDeps } from "../deps";
import { ApiError, notFound } from "../errors";
import { defineRoute } from "../openapi";
import { siteRoute } from "./admin-route";
import { createInvitation, invitationSummary, revokeInvitation } from "./invitation-store";
import { idParam, SiteParams, siteKeyParam } from "./site-params";

export const inviteMemberRoute = defineRoute({
  method: "POST",
  path: "/v1/admin/sites/:site/members",
  summary:
    "Invite an address to the site with a role. The answer is the same whether or not the address has an account: the invitation and a one-time token (and link) the invited person accepts with",
  tag: "users",
  access: { kind: "site", role: "owner", sessionOnly: true },
  params: SiteParams,
  body: MemberInviteSchema,
  response: {
    status: 201,
    description: "The invitation, with its token shown once",
    schema: InvitationsCreate.response,
  },
  errors: ["ALREADY_MEMBER"],
});
export const revokeInvitationRoute = defineRoute({
  method: "DELETE",
  path: "/v1/admin/sites/:site/invitations/:invitationId",
  summary: "Revoke an invitation that has not been accepted",
  tag: "users",
  access: { kind: "site", role: "owner", sessionOnly: true },
  params: v.object({ site: siteKeyParam, invitationId: idParam }),
  response: { status: 204, description: "Revoked" },
  errors: ["INVITATION_NOT_FOUND"],
});

/** Invitations of a site: made and revoked by its owners (accepted through `invitation-accept`). */
export function invitationRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const db = deps.db;

  siteRoute(
    app,
    deps,
    inviteMemberRoute,
    async ({ c, input, site, principal, now, auditEntry }) => {
      const { email, role } = input.body;
      // Only this site's own members are looked at, which its owners can list anyway.
      const [already] = await db
        .select({ userId: siteMembers.userId })
        .from(siteMembers)
        .innerJoin(users, eq(users.id, siteMembers.userId))
        .where(and(eq(siteMembers.siteId, site.id), eq(users.email, email)));
      if (already) {
        throw new ApiError("ALREADY_MEMBER", `${email} is already a member of this site`);
      }
      const { invitation, token } = await createInvitation(
        db,
        { siteId: site.id, email, role, invitedBy: principal.user.id, now },
        (invitationId) =>
          auditEntry({
            action: "member.invite",
            target: email,
            detail: auditDetail({ role, invitationId }),
          }),
      );
      const acceptUrl = `${deps.origin.of(c)}/admin/#invitation=${token}`;
      const body: CreatedInvitation = {
        ...invitationSummary(invitation, principal.user.email),
        token,
        acceptUrl,
      };
      return c.json(body, 201);
    },
  );

  siteRoute(app, deps, revokeInvitationRoute, async ({ c, input, site, now, auditEntry }) => {
    const which = { siteId: site.id, id: input.params.invitationId, now };
    const revoked = await revokeInvitation(db, which, (invitation, stillOpen) =>
      auditEntry(
        {
          action: "member.invite.revoke",
          target: invitation.email,
          detail: { role: invitation.role, invitationId: invitation.id },
        },
        stillOpen,
      ),
    );
    if (!revoked) throw notFound("INVITATION_NOT_FOUND", "No open invitation with that id");
    return c.body(null, 204);
  });

  return app;
}
