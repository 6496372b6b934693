import { readFile } from "node:fs/promises";
import { resolve, sep } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { DEMO_SITE } from "./assets";

/**
 * Where a demo page names the consent host: `<script src="{{env `ASSENT_ORIGIN`}}/s/demo.js">`.
 * It is Caddy's `templates` syntax (a Go template with a raw string, so the attribute holds no
 * inner quotes), so the same files work behind Caddy's `file_server`.
 */
export const CONSENT_ORIGIN_MARKER = "{{env `ASSENT_ORIGIN`}}";

/** Third-party hosts the demo's tags and embeds load from, once a visitor allows them. */
const DEMO_THIRD_PARTIES = {
  script:
    "https://www.googletagmanager.com https://connect.facebook.net https://platform.twitter.com https://embedr.flickr.com",
  connect:
    "https://*.google-analytics.com https://*.analytics.google.com https://www.googletagmanager.com https://www.facebook.com",
  frame:
    "https://www.youtube-nocookie.com https://www.youtube.com https://platform.twitter.com https://syndication.twitter.com https://www.facebook.com https://www.flickr.com https://embedr.flickr.com",
};

/**
 * The demo's policy: scripts from itself, the consent host and the demo's third parties only
 * (inline for the gated inline tags), no framing, no plugins. A stand-in for a customer's site.
 */
export function demoCsp(consentOrigin: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline' ${consentOrigin} ${DEMO_THIRD_PARTIES.script}`,
    `connect-src 'self' ${consentOrigin} ${DEMO_THIRD_PARTIES.connect}`,
    `frame-src ${DEMO_THIRD_PARTIES.frame}`,
    "img-src 'self' data: https:",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The demo site, a stand-in for a customer's site: served on an origin of its own (never the
 * dashboard's, whose session a third-party script on the demo could otherwise use), under a CSP,
 * with its pages pointing at the consent host's public origin.
 */
export function demoSiteApp(consentOrigin: string, root = DEMO_SITE): Hono {
  const app = new Hono();
  const base = resolve(root);
  const csp = demoCsp(consentOrigin);
  app.use("*", async (c, next) => {
    await next();
    c.header("Content-Security-Policy", csp);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "strict-origin-when-cross-origin");
  });
  app.get("*", async (c, next) => {
    const path = c.req.path.endsWith("/") ? `${c.req.path}index.html` : c.req.path;
    if (!path.endsWith(".html")) return next();
    const file = resolve(base, `.${decodeURIComponent(path)}`);
    if (!file.startsWith(base + sep)) return c.text("Not found", 404);
    const html = await readFile(file, "utf8").catch(() => null);
    if (html === null) return c.text("Not found", 404);
    c.header("Cache-Control", "no-cache");
    return c.html(html.replaceAll(CONSENT_ORIGIN_MARKER, consentOrigin));
  });
  app.use("*", serveStatic({ root }));
  app.notFound((c) => c.text("Not found", 404));
  return app;
}
