import {
  type LoaderBoot,
  SITE_KEY_PATTERN,
  selectRule,
  sha256Hex,
  visitorRule,
  workedOutForLoader,
} from "@assent/core";
import { type Context, Hono } from "hono";
import type { AppDeps } from "../deps";
import { identityTag } from "../encoding";
import { notFound } from "../errors";
import { LOCATION_HEADER_NAMES } from "../network";
import { allowAnyOrigin } from "../security";
import { cachedLatestConfig, cachedSite, type PublishedConfig } from "../sites";
import { loaderConfig, loaderTraces } from "./loader-config";
import { scriptLiteral } from "./script-literal";

async function siteConfig(deps: AppDeps, key: string): Promise<PublishedConfig> {
  const site = SITE_KEY_PATTERN.test(key) ? await cachedSite(deps.db, key) : null;
  if (!site) throw notFound("SITE_NOT_FOUND", `No site with key "${key.slice(0, 64)}"`);
  const published = await cachedLatestConfig(deps.db, site.id);
  if (!published)
    throw notFound("CONFIG_NOT_PUBLISHED", `Site "${key}" has no published configuration`);
  return published;
}

const etags = new Map<string, string>();

/** Strong ETag of a body; remembered, since the same few bodies are served on every page view. */
async function etagOf(body: string): Promise<string> {
  const known = etags.get(body);
  if (known) return known;
  const etag = `"${(await sha256Hex(body)).slice(0, 32)}"`;
  if (etags.size > 256) etags.clear();
  etags.set(body, etag);
  return etag;
}

/**
 * How an answer may be cached: `public` when it is the same for every visitor; `located` when it
 * carries the rule chosen from the visitor's location, so only the visitor's own browser may keep
 * it (`private`: a shared cache never stores it, whatever it keys on), varying on every location
 * header besides (see the README beside this file).
 */
type Sharing = "public" | "located";

/**
 * `Vary` of a located answer: the encoding, every header a location can come from, and Global
 * Privacy Control's header (what runs before a choice depends on it).
 */
const LOCATED_VARY = ["Accept-Encoding", ...LOCATION_HEADER_NAMES, "Sec-GPC"].join(", ");

async function cacheable(
  c: Context,
  body: string,
  contentType: string,
  sharing: Sharing = "public",
): Promise<Response> {
  const etag = await etagOf(body);
  c.header("ETag", etag);
  c.header(
    "Cache-Control",
    `${sharing === "public" ? "public" : "private"}, max-age=300, stale-while-revalidate=3600`,
  );
  c.header("Vary", sharing === "public" ? "Accept-Encoding" : LOCATED_VARY);
  allowAnyOrigin(c);
  const match = c.req.header("If-None-Match");
  // Whichever representation the browser holds (`"TAG-br"` from `encodedResponses`), it is this
  // body; `*` holds any (RFC 9110 §13.1.2).
  if (match?.trim() === "*" || match?.split(",").some((tag) => identityTag(tag) === etag)) {
    return c.body(null, 304);
  }
  c.header("Content-Type", contentType);
  return c.body(body, 200);
}

/**
 * `GET /s/:siteKey.js`: the loader with the site's published config inlined (without the
 * services' descriptions: `loaderConfig`), so a page view costs one cacheable request; `GET /s/:siteKey.js?autoblock`: the same with the auto-blocking
 * script composed before the loader. A config with `jurisdictions` also carries the rule the
 * server chose from the visitor's trusted location (`boot.rule`), and is then cached privately.
 * `GET /v1/sites/:key/config`: the same config as JSON, the same for everyone.
 */
export function loaderRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get("/s/:file", async (c) => {
    const file = c.req.param("file");
    // One name per loader (`/s/KEY.js`): one cache key per script, as the API documents it.
    if (!file.endsWith(".js")) throw notFound("NOT_FOUND", "The loader is /s/SITE_KEY.js");
    const key = file.slice(0, -3);
    const published = await siteConfig(deps, key);
    const origin = deps.origin.of(c);
    // Auto-blocking is served only to the pages that ask for it, in the same synchronous script.
    const autoblock = c.req.query("autoblock") === undefined ? "" : deps.sdk.autoblockSource;
    // Worked out here from the whole config: the visitor downloads their own rule only.
    const rule = published.config.jurisdictions
      ? visitorRule(published.config, selectRule(published.config, deps.client(c)))
      : undefined;
    const worked = workedOutForLoader(published.config, rule);
    const boot: LoaderBoot = {
      // Services' descriptions stay out: the SDK fetches them with what shows them.
      config: loaderConfig(published.config, { hosts: !!autoblock }),
      configHash: published.hash,
      api: origin,
      ui: new URL(deps.sdk.uiPath, origin).href,
      // Consent Mode's commands and mapping, the catalogue's services the site does not list.
      ...worked,
      traces: loaderTraces(worked.traces),
    };
    if (rule) {
      boot.rule = rule;
      // Such a loader is private and varies on Sec-GPC, so the header may speak for the browser.
      if (c.req.header("Sec-GPC") === "1") boot.gpc = true;
    }
    if (autoblock === undefined)
      throw notFound(
        "AUTOBLOCK_NOT_BUILT",
        "This server was built without the auto-blocking script",
      );
    // No banner comment: every byte is downloaded on every page view, and the boot names its
    // site and its config's hash.
    const body = `window.__assent_boot=${scriptLiteral(boot)};\n${autoblock && `${autoblock}\n`}${deps.sdk.loaderSource}`;
    const sharing = boot.rule ? "located" : "public";
    return cacheable(c, body, "text/javascript; charset=utf-8", sharing);
  });

  app.get("/v1/sites/:key/config", async (c) => {
    const published = await siteConfig(deps, c.req.param("key"));
    const body = JSON.stringify({
      version: published.version,
      hash: published.hash,
      config: published.config,
    });
    return cacheable(c, body, "application/json; charset=utf-8");
  });

  return app;
}
