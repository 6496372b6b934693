import type { Database } from "@assent/db";
import {
  findSiteByKey,
  latestConfig,
  type PublishedConfig,
  publishedByHash,
  type Site,
} from "./site-repository";

/**
 * How long a cached site or published config is trusted. Publishing through this process
 * invalidates at once; another instance sharing the database (or a Worker isolate) serves the
 * change within this time. Browsers and CDNs may keep a loader for its `max-age` (5 minutes).
 */
export const SITE_CACHE_TTL_MS = 2_000;

interface Entry<T> {
  value: T;
  expires: number;
}

interface Caches {
  sites: Map<string, Entry<Site | null>>;
  configs: Map<number, Entry<PublishedConfig | null>>;
  hashes: Map<number, Map<string, PublishedConfig>>;
}

const perDb = new WeakMap<Database, Caches>();

function caches(db: Database): Caches {
  let c = perDb.get(db);
  if (!c) {
    c = { sites: new Map(), configs: new Map(), hashes: new Map() };
    perDb.set(db, c);
  }
  return c;
}

/**
 * Only settled values are cached, never a pending promise: on Workers a request must not wait on
 * I/O started by another request, so concurrent misses each load for themselves.
 */
async function remember<K, T>(map: Map<K, Entry<T>>, key: K, load: () => Promise<T>): Promise<T> {
  const hit = map.get(key);
  if (hit && hit.expires > Date.now()) return hit.value;
  const value = await load();
  if (map.size > 10_000) map.clear();
  map.set(key, { value, expires: Date.now() + SITE_CACHE_TTL_MS });
  return value;
}

/** `findSiteByKey` through a short in-process cache. */
export function cachedSite(db: Database, key: string): Promise<Site | null> {
  return remember(caches(db).sites, key, () => findSiteByKey(db, key));
}

/** `latestConfig` through a short in-process cache, so a page view does not touch the database. */
export function cachedLatestConfig(db: Database, siteId: number): Promise<PublishedConfig | null> {
  return remember(caches(db).configs, siteId, () => latestConfig(db, siteId));
}

/**
 * `publishedByHash`, remembering configs once found (a published version is immutable, so a hash
 * once published always names the same config). A hash not yet seen is looked up each time.
 */
export async function cachedPublishedByHash(
  db: Database,
  siteId: number,
  hash: string,
): Promise<PublishedConfig | null> {
  const known = caches(db).hashes;
  const hit = known.get(siteId)?.get(hash);
  if (hit) return hit;
  const found = await publishedByHash(db, siteId, hash);
  if (!found) return null;
  let byHash = known.get(siteId);
  if (!byHash) {
    byHash = new Map();
    known.set(siteId, byHash);
  }
  if (byHash.size < 100) byHash.set(hash, found);
  return found;
}

/** Drops what is cached for a site (after publishing or editing it), or for every site. */
export function invalidateSiteCache(db: Database, siteId?: number): void {
  const c = caches(db);
  if (siteId === undefined) {
    perDb.delete(db);
    return;
  }
  c.configs.delete(siteId);
  c.sites.clear();
}
