import type { MiddlewareHandler } from "hono";
import { ApiError } from "../errors";
import type { PublicOrigin } from "../network";

/**
 * Refuses cross-site writes: a state-changing admin request must come from the API's public
 * origin (browsers always send `Origin` on such requests; behind a TLS proxy the request URL the
 * server sees is not that origin, so it is never compared with) and carry JSON, never a form.
 */
export function sameOriginWrites(publicOrigin: PublicOrigin): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const origin = c.req.header("Origin");
      const site = c.req.header("Sec-Fetch-Site");
      if (
        (origin && origin !== publicOrigin.of(c)) ||
        (site && site !== "same-origin" && site !== "none")
      ) {
        throw new ApiError("CSRF_REJECTED", "Cross-site requests cannot change anything here");
      }
      const type = c.req.header("Content-Type");
      if (type && !/^application\/json\s*(;|$)/i.test(type)) {
        throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "Admin requests carry application/json");
      }
    }
    await next();
  };
}
