import type { AdminSession } from "@assent/core";
import { accountPasswordSchema, SessionCreate, SessionGet } from "@assent/core";
import { type Database, users } from "@assent/db";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import * as v from "valibot";
import { recordAudit } from "../audit";
import {
  type ActiveSession,
  authenticate,
  createSession,
  DEFAULT_ITERATIONS,
  deleteSession,
  requireCsrf,
  SESSION_COOKIE,
  SignInThrottle,
  sessionForToken,
  signInRules,
  verifyPassword,
} from "../auth";
import type { AppDeps } from "../deps";
import { ApiError, badRequest } from "../errors";
import { bodyText, parseJsonBody } from "../limits";
import { defineRoute } from "../openapi";
import { clearSessionCookie, setSessionCookie } from "./session-cookie";
import { sitesForUser } from "./site-access";

const SignInSchema = v.object({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email()),
  password: accountPasswordSchema,
});

export const signInRoute = defineRoute({
  method: "POST",
  path: "/v1/admin/session",
  summary: "Sign in: sets the HttpOnly session cookie and returns the CSRF token",
  tag: "session",
  access: { kind: "public" },
  body: SignInSchema,
  response: {
    status: 200,
    description: "The user, their sites and roles, and the CSRF token",
    schema: SessionCreate.response,
  },
  errors: ["INVALID_SIGN_IN", "INVALID_CREDENTIALS", "TOO_MANY_ATTEMPTS", "CSRF_REJECTED"],
});
export const sessionRoute = defineRoute({
  method: "GET",
  path: "/v1/admin/session",
  summary: "The signed-in user, their sites and roles, and the CSRF token",
  tag: "session",
  access: { kind: "account", sessionOnly: true },
  response: { status: 200, description: "The current session", schema: SessionGet.response },
});
export const signOutRoute = defineRoute({
  method: "DELETE",
  path: "/v1/admin/session",
  summary: "Sign out: ends the session and clears its cookie",
  tag: "session",
  access: { kind: "account", sessionOnly: true },
  response: { status: 204, description: "Signed out" },
});

// A hash of a random password with the deployment's iteration count: verifying against it costs
// the same as a real one, so the response time does not tell whether an account exists.
const dummyHash = (iterations: number) =>
  `pbkdf2-sha256$${iterations}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

async function sessionBody(
  db: Database,
  session: Pick<ActiveSession, "user" | "csrfToken">,
): Promise<AdminSession> {
  return {
    user: session.user,
    sites: await sitesForUser(db, session.user.id),
    csrfToken: session.csrfToken,
  };
}

/** Sign-in, current session, sign-out. */
export function sessionRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? Date.now;
  const DUMMY_HASH = dummyHash(deps.passwordIterations ?? DEFAULT_ITERATIONS);
  const throttle = new SignInThrottle(deps.db);

  app.post(signInRoute.path, async (c) => {
    const body = parseJsonBody(await bodyText(c));
    const parsed = v.safeParse(SignInSchema, body);
    if (!parsed.success)
      throw badRequest("INVALID_SIGN_IN", "Give an email address and a password");
    const { email, password } = parsed.output;
    const { ip } = deps.client(c);
    const rules = signInRules(email, ip);
    // Reserved before the slow password check, so parallel guesses cannot outrun the limit.
    await throttle.admit(rules, now(), "Too many failed sign-ins; try again later");
    const rows = await deps.db.select().from(users).where(eq(users.email, email)).limit(1);
    const user = rows[0];
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      throw new ApiError("INVALID_CREDENTIALS", "That email and password do not match an account");
    }
    // A success is not a guess: the client's and the account's failures stay (`onSuccess`).
    await throttle.succeed(rules);
    const { token, csrfToken } = await createSession(deps.db, user.id, now());
    await recordAudit(deps.db, { at: now(), userId: user.id, action: "session.sign-in", ip });
    setSessionCookie(c, deps, token);
    const sessionUser = { id: user.id, email: user.email, name: user.name };
    return c.json(await sessionBody(deps.db, { user: sessionUser, csrfToken }));
  });

  app.get(sessionRoute.path, async (c) => {
    const principal = await authenticate(c, deps);
    if (principal.kind !== "session") {
      throw new ApiError("SESSION_REQUIRED", "API tokens have no session");
    }
    return c.json(await sessionBody(deps.db, principal));
  });

  app.delete(signOutRoute.path, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await sessionForToken(deps.db, token, now()) : null;
    if (token && session) {
      requireCsrf(c, { kind: "session", ...session });
      await deleteSession(deps.db, token);
      await recordAudit(deps.db, {
        at: now(),
        userId: session.user.id,
        action: "session.sign-out",
        ip: deps.client(c).ip,
      });
    }
    clearSessionCookie(c, deps);
    return c.body(null, 204);
  });

  return app;
}
