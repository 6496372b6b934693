import {
  type AcceptedInvitation,
  InvitationAcceptSchema,
  type InvitationDetails,
  InvitationsAccept,
  InvitationsInspect,
  InvitationTokenSchema,
} from "@assent/core";
import { users } from "@assent/db";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import * as v from "valibot";
import { auditInsert } from "../audit";
import { hashPassword, SignInThrottle, signInRules, verifyPassword } from "../auth";
import type { AppDeps } from "../deps";
import { ApiError, badRequest, notFound } from "../errors";
import { bodyText, parseJsonBody } from "../limits";
import { defineRoute, type Schema } from "../openapi";
import { acceptInvitation, invitationForToken } from "./invitation-store";

export const inspectInvitationRoute = defineRoute({
  method: "POST",
  path: "/v1/admin/invitations/inspect",
  summary: "What an invitation offers (site, address, role), before accepting it",
  tag: "users",
  access: { kind: "public" },
  body: InvitationTokenSchema,
  response: {
    status: 200,
    description: "The site, the address and the role",
    schema: InvitationsInspect.response,
  },
  errors: ["INVITATION_NOT_FOUND"],
});
export const acceptInvitationRoute = defineRoute({
  method: "POST",
  path: "/v1/admin/invitations/accept",
  summary:
    "Accept an invitation: with the password of the address's account, or, for an address without one, a new password that creates it. Throttled like sign-in",
  tag: "users",
  access: { kind: "public" },
  body: InvitationAcceptSchema,
  response: {
    status: 200,
    description: "The address and the site joined; sign in next",
    schema: InvitationsAccept.response,
  },
  errors: ["INVITATION_NOT_FOUND", "ALREADY_MEMBER", "INVALID_CREDENTIALS", "TRY_AGAIN"],
});

const gone = () =>
  notFound("INVITATION_NOT_FOUND", "This invitation is unknown, already used, revoked or expired");

async function body<S extends Schema>(text: string, schema: S): Promise<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, parseJsonBody(text));
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join(".");
    throw badRequest("INVALID_BODY", path ? `${path}: ${issue?.message}` : "invalid");
  }
  return parsed.output;
}

/** Invitations as the invited person meets them: no session, the token is the credential. */
export function invitationAcceptRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const db = deps.db;
  const clock = deps.now ?? Date.now;
  const throttle = new SignInThrottle(db);

  app.post(inspectInvitationRoute.path, async (c) => {
    const { token } = await body(await bodyText(c), InvitationTokenSchema);
    const found = await invitationForToken(db, token, clock());
    if (!found) throw gone();
    const { invitation, site } = found;
    const details: InvitationDetails = {
      site: { key: site.key, name: site.name },
      email: invitation.email,
      role: invitation.role,
      expiresAt: new Date(invitation.expiresAt).toISOString(),
    };
    return c.json(details);
  });

  app.post(acceptInvitationRoute.path, async (c) => {
    const { token, password, name } = await body(await bodyText(c), InvitationAcceptSchema);
    const now = clock();
    const found = await invitationForToken(db, token, now);
    if (!found) throw gone();
    const { invitation, site } = found;
    const { ip } = deps.client(c);
    // The password is checked against an existing account: guesses count as sign-in attempts.
    const rules = signInRules(invitation.email, ip);
    await throttle.admit(rules, now, "Too many failed attempts; try again later");
    let [user] = await db.select().from(users).where(eq(users.email, invitation.email)).limit(1);
    const created = !user;
    if (user) {
      if (!(await verifyPassword(password, user.passwordHash))) {
        throw new ApiError("INVALID_CREDENTIALS", "That password does not match the account");
      }
    } else {
      const passwordHash = await hashPassword(password, deps.passwordIterations);
      [user] = await db
        .insert(users)
        .values({
          email: invitation.email,
          name: name ?? invitation.email.split("@")[0] ?? invitation.email,
          passwordHash,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!user) throw new ApiError("TRY_AGAIN", "The account changed meanwhile; try again");
    }
    await throttle.succeed(rules);
    // The claim is the moment of acceptance: a revocation after it finds nothing to revoke.
    const member = user;
    const outcome = await acceptInvitation(db, { invitation, userId: member.id, now }, (when) =>
      auditInsert(
        db,
        {
          at: now,
          siteId: site.id,
          userId: member.id,
          action: "member.add",
          target: member.email,
          detail: {
            role: invitation.role,
            account: created ? "created" : "existing",
            invitationId: invitation.id,
          },
          ip,
        },
        when,
      ),
    );
    if (outcome === "gone") throw gone();
    if (outcome === "already-member") {
      throw new ApiError("ALREADY_MEMBER", `${user.email} is already a member of this site`);
    }
    const answer: AcceptedInvitation = {
      email: user.email,
      site: { key: site.key, name: site.name, role: invitation.role },
    };
    return c.json(answer);
  });

  return app;
}
