import { nodesAtTileLevel, parseTilePath, SITE_KEY_PATTERN, TILE_WIDTH } from "@assent/core";
import type { Context } from "hono";
import { Hono } from "hono";
import type { AppDeps } from "../deps";
import { badRequest, notFound } from "../errors";
import { publicResource } from "../security";
import { cachedSite } from "../sites";
import { publishedCheckpoint } from "../witness";
import { logKeyFor, logOrigin } from "./log-keys";
import { latestCheckpoint, storedTiles, TileMissingError } from "./log-store";

/** Full tiles never change: any cache may keep them for ever. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * The site's transparency log under `/v1/sites/:key/log/` (C2SP `tlog-tiles`): `checkpoint`
 * (the latest signed checkpoint), `vkey` (the note verifier key) and `tile/...` (hash tiles and
 * entry bundles). Public, with CORS for any origin and no cookies: anyone may mirror and audit
 * the log.
 */
export function logRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? Date.now;
  app.use("/v1/sites/:key/log/*", publicResource);

  async function siteLog(c: Context) {
    const key = c.req.param("key") ?? "";
    const site = SITE_KEY_PATTERN.test(key) ? await cachedSite(deps.db, key) : null;
    if (!site) throw notFound("SITE_NOT_FOUND", `No site with key "${key.slice(0, 64)}"`);
    const logKey = await logKeyFor(deps.db, site, logOrigin(deps.origin.of(c), site.key), now());
    return { site, logKey };
  }

  app.get("/v1/sites/:key/log/checkpoint", async (c) => {
    const { site, logKey } = await siteLog(c);
    const latest = await latestCheckpoint(deps.db, site.id, logKey);
    // The latest, with the cosignatures its witnesses gave it so far (C2SP tlog-witness): never
    // an older one, which would show a smaller tree than receipt files already hold.
    const { note } = await publishedCheckpoint(deps.db, site.id, latest);
    c.header("Cache-Control", "no-store");
    c.header("Content-Type", "text/plain; charset=utf-8");
    return c.body(note);
  });

  app.get("/v1/sites/:key/log/vkey", async (c) => {
    const { logKey } = await siteLog(c);
    c.header("Cache-Control", "public, max-age=300");
    c.header("Content-Type", "text/plain; charset=utf-8");
    return c.body(`${logKey.vkey}\n`);
  });

  app.get("/v1/sites/:key/log/tile/*", async (c) => {
    const { site, logKey } = await siteLog(c);
    const path = c.req.path.slice(`/v1/sites/${site.key}/log/`.length);
    const tile = parseTilePath(path);
    if (!tile) throw badRequest("INVALID_TILE_PATH", `"${path.slice(0, 80)}" is not a tile path`);
    const { size } = await latestCheckpoint(deps.db, site.id, logKey);
    const nodes = nodesAtTileLevel(size, tile.level === "entries" ? 0 : tile.level);
    const missing = notFound("TILE_NOT_FOUND", `No tile ${path} in the tree of size ${size}`);
    if (tile.index * TILE_WIDTH + tile.width > nodes) throw missing;
    let bytes: Uint8Array;
    try {
      bytes = await storedTiles(deps.db, site.id)(tile);
    } catch (err) {
      if (err instanceof TileMissingError) throw missing;
      throw err;
    }
    c.header("Cache-Control", tile.width === TILE_WIDTH ? IMMUTABLE : "public, max-age=5");
    c.header("Content-Type", "application/octet-stream");
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  });

  return app;
}
