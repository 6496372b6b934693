import { createMiddleware } from "hono/factory";
import { ApiError } from "../errors";

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
