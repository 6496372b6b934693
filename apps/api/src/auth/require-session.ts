import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppDeps } from "../deps";
import { ApiError } from "../errors";
import { type SessionUser, userForSession } from "./sessions";

/** Name of the dashboard's session cookie. */
export const SESSION_COOKIE = "assent_session";

/** Variables the admin middleware puts on the context. */
export interface AdminEnv {
  Variables: { user: SessionUser };
}

/**
 * Refuses cross-site writes: a state-changing admin request must come from the API's own origin
 * (browsers always send `Origin` on such requests) and carry JSON, never a form.
 */
export const sameOriginWrites = createMiddleware(async (c, next) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") {
    const origin = c.req.header("Origin");
    const site = c.req.header("Sec-Fetch-Site");
    const self = new URL(c.req.url).origin;
    if ((origin && origin !== self) || (site && site !== "same-origin" && site !== "none")) {
      throw new ApiError(403, "CSRF_REJECTED", "Cross-site requests cannot change anything here");
    }
    const type = c.req.header("Content-Type");
    if (type && !/^application\/json\b/i.test(type)) {
      throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Admin requests carry application/json");
    }
  }
  await next();
});

/** Requires a valid session cookie; puts the user on `c.var.user`. */
export function requireSession(deps: AppDeps) {
  return createMiddleware<AdminEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const user = token ? await userForSession(deps.db, token, (deps.now ?? Date.now)()) : null;
    if (!user) throw new ApiError(401, "UNAUTHENTICATED", "Sign in to continue");
    c.set("user", user);
    await next();
  });
}
