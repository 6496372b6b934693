import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { SESSION_COOKIE, SESSION_TTL_MS } from "../auth";
import type { AppDeps } from "../deps";

/** The session cookie's attributes: never readable by scripts, never sent cross-site. */
function cookieOptions(deps: AppDeps) {
  return {
    httpOnly: true,
    // By the public URL's scheme, never the request's: behind a TLS proxy the server sees http.
    secure: deps.origin.https,
    sameSite: "Strict" as const,
    path: "/",
  };
}

/** Gives the browser a session's token (signing in, or a session replaced by a new one). */
export function setSessionCookie(c: Context, deps: AppDeps, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { ...cookieOptions(deps), maxAge: SESSION_TTL_MS / 1000 });
}

/** Tells the browser to forget its session's token (signing out). */
export function clearSessionCookie(c: Context, deps: AppDeps): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(deps));
}
