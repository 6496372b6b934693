import { type Database, sdkFiles } from "@assent/db";
import { and, eq, gt, lt } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { SdkBundle } from "../deps";

/**
 * Whether a path under `/sdk/` names a content-hashed module (`ui-DTKWxiMQ.js`,
 * `lang/de-cdMaXO8a.js`: the SDK build's `[name]-[hash].js`, eight base64url characters), which
 * can be cached for good and archived, because its name is never reused for other content.
 */
export const isContentHashed = (path: string): boolean =>
  /^(?:[\w-]+\/)?[\w-]+-[\w-]{8}\.js$/.test(path);

/** How long a build's files stay servable after the last instance serving it recorded them. */
export const SDK_ARCHIVE_DAYS = 90;
/** An instance records its build at most this often (each start checks first). */
const REFRESH_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Records this instance's SDK build (`sdk.files`, its content-hashed modules) in the database
 * its peers share, and deletes the files no instance has recorded for {@link SDK_ARCHIVE_DAYS}. A loader served by one build imports its chunks by name; during
 * a rolling deploy, from a loader still in a cache, or from a tab left open across a deploy, that
 * request can reach an instance of another build, which then finds the chunk here
 * ({@link archivedSdk}) instead of answering 404 and leaving the page without its banner or
 * its way to withdraw. Skipped when the build's UI chunk was recorded within a day, so an
 * instance start (a Worker isolate's first request) costs one read.
 * @returns how many files it recorded (0 when skipped)
 * @example await archiveSdk(db, readSdkBundle(), Date.now())
 */
export async function archiveSdk(
  db: Database,
  sdk: Pick<SdkBundle, "files" | "uiPath">,
  now: number,
): Promise<number> {
  const entries = Object.entries(sdk.files ?? {}).filter(([path]) => isContentHashed(path));
  if (entries.length === 0) return 0;
  const probe = sdk.uiPath.slice("/sdk/".length);
  const [fresh] = await db
    .select({ path: sdkFiles.path })
    .from(sdkFiles)
    .where(and(eq(sdkFiles.path, probe), gt(sdkFiles.servedAt, now - REFRESH_MS)));
  if (fresh) return 0;
  // One batch (a transaction on libSQL, one round trip on D1): a build is recorded whole or not.
  await db.batch([
    db.delete(sdkFiles).where(lt(sdkFiles.servedAt, now - SDK_ARCHIVE_DAYS * DAY_MS)),
    ...entries.map(([path, body]) =>
      db
        .insert(sdkFiles)
        .values({ path, body, servedAt: now })
        .onConflictDoUpdate({ target: sdkFiles.path, set: { servedAt: now } }),
    ),
  ]);
  return entries.length;
}

/**
 * Serves `GET /sdk/*` from the archive ({@link archiveSdk}) for a content-hashed file this
 * instance's own build does not have (mounted after the runtime's static files), with the
 * headers the static ones get: a year's immutable cache (CORS comes from `publicResource`).
 * Anything else passes on (to a 404).
 */
export function archivedSdk(db: Database): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path.slice("/sdk/".length);
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    if (!isContentHashed(path)) return next();
    const [file] = await db
      .select({ body: sdkFiles.body })
      .from(sdkFiles)
      .where(eq(sdkFiles.path, path));
    if (!file) return next();
    c.header("Cache-Control", "public, max-age=31536000, immutable");
    c.header("Content-Type", "text/javascript; charset=utf-8");
    return c.body(file.body);
  };
}
