import { SITE_KEY_PATTERN } from "@assent/core";
import { Hono } from "hono";
import type { AppDeps } from "../deps";
import { notFound } from "../errors";
import { cachedSite } from "../sites";
import { signingKeyFor, siteJwks } from "./signing-keys";

/**
 * `GET /v1/sites/:key/jwks`: the site's Ed25519 public keys as a JWKS (`kid` names the key a
 * receipt's `proof.kid` points at). Anyone may fetch it: it is what makes receipts verifiable
 * offline.
 */
export function jwksRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? Date.now;
  app.get("/v1/sites/:key/jwks", async (c) => {
    const key = c.req.param("key");
    const site = SITE_KEY_PATTERN.test(key) ? await cachedSite(deps.db, key) : null;
    if (!site) throw notFound("SITE_NOT_FOUND", `No site with key "${key.slice(0, 64)}"`);
    await signingKeyFor(deps.db, site, now());
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Cache-Control", "public, max-age=300");
    c.header("Content-Type", "application/jwk-set+json");
    return c.body(JSON.stringify(await siteJwks(deps.db, site.id)));
  });
  return app;
}
