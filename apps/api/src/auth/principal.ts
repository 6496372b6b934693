import { CSRF_HEADER } from "@assent/core";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { AppDeps } from "../deps";
import { ApiError } from "../errors";
import { grantForApiToken, type TokenGrant } from "./api-tokens";
import { type ActiveSession, sessionForToken } from "./sessions";

/** Name of the dashboard's session cookie. */
export const SESSION_COOKIE = "assent_session";

/** Who is calling an admin route: a dashboard session, or an API token. */
export type Principal = ({ kind: "session" } & ActiveSession) | ({ kind: "token" } & TokenGrant);

/**
 * Finds the caller: `Authorization: Bearer assent_...` first, then the session cookie.
 * Throws 401 when neither is valid.
 */
export async function authenticate(c: Context, deps: AppDeps): Promise<Principal> {
  const now = (deps.now ?? Date.now)();
  const authorization = c.req.header("Authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const grant = match ? await grantForApiToken(deps.db, match[1] as string, now) : null;
    if (!grant) throw new ApiError("INVALID_TOKEN", "The API token is unknown, revoked or expired");
    return { kind: "token", ...grant };
  }
  const token = getCookie(c, SESSION_COOKIE);
  const session = token ? await sessionForToken(deps.db, token, now) : null;
  if (!session) throw new ApiError("UNAUTHENTICATED", "Sign in to continue");
  return { kind: "session", ...session };
}

function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * A state-changing request made with a session cookie must echo the session's CSRF token.
 * Bearer tokens are never sent by a browser on its own, so they need none.
 */
export function requireCsrf(c: Context, principal: Principal): void {
  if (principal.kind !== "session") return;
  if (c.req.method === "GET" || c.req.method === "HEAD") return;
  const sent = c.req.header(CSRF_HEADER) ?? "";
  if (!sameText(sent, principal.csrfToken)) {
    throw new ApiError("CSRF_TOKEN_INVALID", `Send the session's token in ${CSRF_HEADER}`);
  }
}
