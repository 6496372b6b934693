import type { Context, MiddlewareHandler } from "hono";
import type { PublicOrigin } from "../network";

/** API responses are data, never a document: nothing may load from them or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** One year; only ever sent over https. */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Headers every response gets: no MIME sniffing, a strict referrer policy, HSTS when the public origin is https,
 * and, on anything but an HTML page (which sets its own policy: the dashboard), a CSP that
 * allows nothing and no framing.
 */
export function secureHeaders(origin: PublicOrigin): MiddlewareHandler {
  const always = (c: Context) => {
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "strict-origin-when-cross-origin");
    if (origin.https) c.header("Strict-Transport-Security", HSTS);
  };
  return async (c, next) => {
    if (c.req.path.startsWith("/v1/")) {
      // The API answers JSON only: everything is known before the route runs, and set on the
      // context it reaches the response without reading the response's headers back.
      always(c);
      c.header("Content-Security-Policy", API_CSP);
      await next();
      return;
    }
    await next();
    always(c);
    const type = c.res.headers.get("Content-Type") ?? "";
    if (!c.res.headers.has("Content-Security-Policy") && !/^text\/html\b/i.test(type)) {
      c.header("Content-Security-Policy", API_CSP);
    }
  };
}
