import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import type { SdkBundle, StaticAssets } from "../../deps";
import { isContentHashed } from "../../sdk-archive";

/** Folders of the built parts, relative to the repository root. */
export const ROOT = fileURLToPath(new URL("../../../../../", import.meta.url));
const SDK_DIST = `${ROOT}packages/sdk/dist`;
const DASHBOARD_DIST = `${ROOT}apps/dashboard/dist`;
/** The demo site's files (served on an origin of its own: see `demo-site.ts`). */
export const DEMO_SITE = `${ROOT}apps/demo/site`;

/** Reads the built SDK; fails with a clear message when it has not been built. */
export function readSdkBundle(): SdkBundle {
  const loader = `${SDK_DIST}/loader.js`;
  const ui = existsSync(SDK_DIST)
    ? readdirSync(SDK_DIST).find((f) => /^ui-[\w-]+\.js$/.test(f))
    : undefined;
  if (!existsSync(loader) || !ui) {
    throw new Error(`The SDK is not built (${SDK_DIST}): run \`pnpm build\` first.`);
  }
  const autoblock = `${SDK_DIST}/autoblock.js`;
  return {
    loaderSource: readFileSync(loader, "utf8"),
    uiPath: `/sdk/${ui}`,
    autoblockSource: existsSync(autoblock) ? readFileSync(autoblock, "utf8") : undefined,
    files: sdkModules(SDK_DIST),
  };
}

/**
 * A built SDK's content-hashed modules under `dist` (path under `/sdk/` to source), as
 * `SdkBundle.files` records them for the other instances.
 */
export function sdkModules(dist: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    const path = relative(dist, join(entry.parentPath, entry.name)).split(sep).join("/");
    if (entry.isFile() && isContentHashed(path))
      files[path] = readFileSync(join(dist, path), "utf8");
  }
  return files;
}

function folder(root: string, prefix: string, cache: (path: string) => string): MiddlewareHandler {
  return serveStatic({
    root,
    rewriteRequestPath: (path) => path.slice(prefix.length) || "/",
    onFound: (path, c) => {
      c.header("Cache-Control", cache(path));
    },
  });
}

const hashed = (path: string) => /[-.][\w-]{8,}\.(js|css|woff2)$/.test(path);

/**
 * Static handlers for the SDK (content-hashed files cached for a year) and the dashboard (with
 * its single-page fallback).
 */
export function nodeAssets(): StaticAssets {
  const dashboardFiles = folder(DASHBOARD_DIST, "/admin", (p) =>
    hashed(p) ? "public, max-age=31536000, immutable" : "no-cache",
  );
  const dashboardIndex = serveStatic({ path: `${DASHBOARD_DIST}/index.html` });
  return {
    sdk: folder(SDK_DIST, "/sdk", (p) =>
      hashed(p) ? "public, max-age=31536000, immutable" : "public, max-age=300",
    ),
    dashboard: async (c, next) => {
      const served = await dashboardFiles(c, async () => {});
      if (served) return served;
      if (/\.\w+$/.test(c.req.path)) return next();
      c.header("Cache-Control", "no-cache");
      return dashboardIndex(c, next);
    },
  };
}
