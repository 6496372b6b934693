import {
  AccountPasswordChange,
  AccountSessionsEnd,
  AccountSessionsList,
  type PasswordChanged,
  type SessionsEnded,
} from "@assent/core";
import { users } from "@assent/db";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { auditDetail } from "../audit";
import {
  type ActiveSession,
  activeTokenCount,
  countOpen,
  hashPassword,
  openSessionCount,
  openSessions,
  type Principal,
  SignInThrottle,
  signInRules,
  userSessionsDelete,
  userTokensRevoke,
  verifyPassword,
} from "../auth";
import type { AppDeps } from "../deps";
import { ApiError } from "../errors";
import { defineRoute } from "../openapi";
import { accountRoute } from "./admin-route";
import { changePassword } from "./password-change";
import { clearSessionCookie, setSessionCookie } from "./session-cookie";

export const changePasswordRoute = defineRoute({
  method: "PUT",
  path: "/v1/admin/account/password",
  summary:
    "Change your password: the current one (a wrong one counts as a failed sign-in) and a new one. Ends your other sessions, revokes your API tokens on every site, and replaces this session (a new cookie and CSRF token)",
  tag: "account",
  access: { kind: "account", sessionOnly: true },
  body: AccountPasswordChange.request,
  response: {
    status: 200,
    description:
      "How many other sessions were ended and API tokens revoked, and this session's new CSRF token",
    schema: AccountPasswordChange.response,
  },
  errors: ["WRONG_PASSWORD", "TOO_MANY_ATTEMPTS", "TRY_AGAIN"],
});
export const listSessionsRoute = defineRoute({
  method: "GET",
  path: "/v1/admin/account/sessions",
  summary: "Your open sessions, newest first, this one marked current",
  tag: "account",
  access: { kind: "account", sessionOnly: true },
  response: {
    status: 200,
    description: "The open sessions",
    schema: AccountSessionsList.response,
  },
});
export const endSessionsRoute = defineRoute({
  method: "DELETE",
  path: "/v1/admin/account/sessions",
  summary:
    "Sign out everywhere: ends every session of yours, this one included, revokes your API tokens on every site, and clears the cookie",
  tag: "account",
  access: { kind: "account", sessionOnly: true },
  response: {
    status: 200,
    description: "How many open sessions were ended and API tokens revoked",
    schema: AccountSessionsEnd.response,
  },
});

/** The caller's session (the routes here are `sessionOnly`, so there always is one). */
function sessionOf(principal: Principal): ActiveSession {
  if (principal.kind !== "session") throw new ApiError("SESSION_REQUIRED");
  return principal;
}

/** The signed-in person's own account: password, sessions, signing out everywhere. */
export function accountRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const db = deps.db;
  const throttle = new SignInThrottle(db);

  accountRoute(app, deps, changePasswordRoute, async ({ c, input, principal, now, auditEntry }) => {
    const { user, sessionId } = sessionOf(principal);
    const { currentPassword, newPassword } = input.body;
    // The current password is a guess like a sign-in's, counted under the same limits, so a
    // session left open cannot be used to find the password faster than signing in could.
    const rules = signInRules(user.email, deps.client(c).ip);
    await throttle.admit(rules, now, "Too many wrong passwords; try again later");
    const [account] = await db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, user.id));
    if (!account) throw new ApiError("UNAUTHENTICATED");
    if (!(await verifyPassword(currentPassword, account.passwordHash))) {
      throw new ApiError("WRONG_PASSWORD", "That is not your current password");
    }
    await throttle.succeed(rules);
    const newHash = await hashPassword(newPassword, deps.passwordIterations);
    const changed = await changePassword(
      db,
      { userId: user.id, sessionId, checkedHash: account.passwordHash, newHash, now },
      ({ otherSessionsEnded, tokensRevoked }, when) =>
        auditEntry(
          {
            action: "account.password-change",
            target: user.email,
            detail: auditDetail({ otherSessionsEnded, tokensRevoked }),
          },
          when,
        ),
    );
    if (!changed) throw new ApiError("TRY_AGAIN", "Your account or session changed meanwhile");
    setSessionCookie(c, deps, changed.token);
    const answer: PasswordChanged = {
      otherSessionsEnded: changed.otherSessionsEnded,
      tokensRevoked: changed.tokensRevoked,
      csrfToken: changed.csrfToken,
    };
    return c.json(answer);
  });

  accountRoute(app, deps, listSessionsRoute, async ({ c, principal, now }) => {
    const { user, sessionId } = sessionOf(principal);
    const rows = await openSessions(db, user.id, now);
    const iso = (at: number) => new Date(at).toISOString();
    return c.json({
      sessions: rows.map((row) => ({
        createdAt: iso(row.createdAt),
        lastSeenAt: row.lastSeenAt === null ? null : iso(row.lastSeenAt),
        expiresAt: iso(row.expiresAt),
        current: row.id === sessionId,
      })),
    });
  });

  accountRoute(app, deps, endSessionsRoute, async ({ c, principal, now, auditEntry }) => {
    const { user } = sessionOf(principal);
    // The entry first: it counts the sessions the delete ends and the tokens revoked.
    const [, ended, revoked] = await db.batch([
      auditEntry({
        action: "session.sign-out-everywhere",
        target: user.email,
        detail: auditDetail({
          sessionsEnded: openSessionCount(user.id, now),
          tokensRevoked: activeTokenCount(user.id, now),
        }),
      }),
      userSessionsDelete(db, user.id),
      userTokensRevoke(db, user.id, now),
    ]);
    clearSessionCookie(c, deps);
    const answer: SessionsEnded = {
      sessionsEnded: countOpen(ended, now),
      tokensRevoked: revoked.length,
    };
    return c.json(answer);
  });

  return app;
}
