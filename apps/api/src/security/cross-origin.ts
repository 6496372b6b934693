import type { Context, MiddlewareHandler } from "hono";

/**
 * Marks a response as a public resource that any site may load, as the SDK's files are: the
 * customer's page (another origin) imports the UI, language, outbox and placeholder modules
 * with CORS, and pages isolated with COEP may only embed what says `cross-origin`.
 */
export function allowAnyOrigin(c: Context): void {
  c.header("Access-Control-Allow-Origin", "*");
  c.header("Cross-Origin-Resource-Policy", "cross-origin");
  c.header("Timing-Allow-Origin", "*");
}

/** `allowAnyOrigin` on every response of a route, errors included. */
export const publicResource: MiddlewareHandler = async (c, next) => {
  await next();
  allowAnyOrigin(c);
};
