import type { AdminSession } from "@assent/core";
import { type Database, users } from "@assent/db";
import { eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import * as v from "valibot";
import {
  type AdminEnv,
  createSession,
  deleteSession,
  requireSession,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  type SessionUser,
  SignInThrottle,
  verifyPassword,
} from "../auth";
import type { AppDeps } from "../deps";
import { ApiError, badRequest } from "../errors";
import { sitesForUser } from "./memberships";

const SignInSchema = v.object({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email()),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
});

// A hash of a random password: verifying against it costs the same as a real one, so the
// response time does not tell whether an account exists.
const DUMMY_HASH =
  "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

async function sessionBody(db: Database, user: SessionUser): Promise<AdminSession> {
  return { user, sites: await sitesForUser(db, user.id) };
}

function cookieOptions(c: Context) {
  return {
    httpOnly: true,
    secure: new URL(c.req.url).protocol === "https:",
    sameSite: "Strict" as const,
    path: "/",
  };
}

/** Sign-in, current session, sign-out. */
export function sessionRoutes(deps: AppDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const now = deps.now ?? Date.now;
  const throttle = new SignInThrottle();

  app.post("/v1/admin/session", async (c) => {
    const body = await c.req.json().catch(() => {
      throw badRequest("INVALID_JSON", "The body is not valid JSON");
    });
    const parsed = v.safeParse(SignInSchema, body);
    if (!parsed.success)
      throw badRequest("INVALID_SIGN_IN", "Give an email address and a password");
    const { email, password } = parsed.output;
    const keys = [`email:${email}`, `ip:${deps.clientIp(c) ?? "unknown"}`];
    const wait = Math.max(...keys.map((k) => throttle.retryAfter(k, now())));
    if (wait > 0) {
      throw new ApiError(429, "TOO_MANY_ATTEMPTS", "Too many failed sign-ins; try again later", {
        "Retry-After": String(Math.ceil(wait / 1000)),
      });
    }
    const rows = await deps.db.select().from(users).where(eq(users.email, email)).limit(1);
    const user = rows[0];
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      for (const k of keys) throttle.fail(k, now());
      throw new ApiError(
        401,
        "INVALID_CREDENTIALS",
        "That email and password do not match an account",
      );
    }
    for (const k of keys) throttle.succeed(k);
    const token = await createSession(deps.db, user.id, now());
    setCookie(c, SESSION_COOKIE, token, { ...cookieOptions(c), maxAge: SESSION_TTL_MS / 1000 });
    return c.json(await sessionBody(deps.db, { id: user.id, email: user.email, name: user.name }));
  });

  app.get("/v1/admin/session", requireSession(deps), async (c) => {
    return c.json(await sessionBody(deps.db, c.var.user));
  });

  app.delete("/v1/admin/session", async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(deps.db, token);
    deleteCookie(c, SESSION_COOKIE, cookieOptions(c));
    return c.body(null, 204);
  });

  return app;
}
