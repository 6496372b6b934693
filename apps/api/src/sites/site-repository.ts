import { canonicalJson, type SiteConfig, sha256Hex } from "@assent/core";
import { type Database, siteConfigs, sites } from "@assent/db";
import { and, desc, eq, max } from "drizzle-orm";
import { invalidateSiteCache } from "./site-cache";

/** A site row. */
export type Site = typeof sites.$inferSelect;

/** A published configuration version. */
export interface PublishedConfig {
  version: number;
  hash: string;
  config: SiteConfig;
  /** The exact canonical JSON that was hashed. */
  json: string;
}

/** Finds a site by its public key. */
export async function findSiteByKey(db: Database, key: string): Promise<Site | null> {
  const rows = await db.select().from(sites).where(eq(sites.key, key)).limit(1);
  return rows[0] ?? null;
}

/** The newest published configuration of a site, or `null` if it has none. */
export async function latestConfig(db: Database, siteId: number): Promise<PublishedConfig | null> {
  const rows = await db
    .select()
    .from(siteConfigs)
    .where(eq(siteConfigs.siteId, siteId))
    .orderBy(desc(siteConfigs.version))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return { version: row.version, hash: row.hash, json: row.config, config: JSON.parse(row.config) };
}

/**
 * The published configuration with this hash (the content is the hash's, so any version that
 * carries it will do), or `null` when the site never published it.
 */
export async function publishedByHash(
  db: Database,
  siteId: number,
  hash: string,
): Promise<PublishedConfig | null> {
  const rows = await db
    .select()
    .from(siteConfigs)
    .where(and(eq(siteConfigs.siteId, siteId), eq(siteConfigs.hash, hash)))
    .orderBy(desc(siteConfigs.version))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return { version: row.version, hash: row.hash, json: row.config, config: JSON.parse(row.config) };
}

/**
 * Publishes a new, immutable configuration version: canonical JSON, SHA-256, next version number.
 */
export async function publishConfig(
  db: Database,
  siteId: number,
  config: SiteConfig,
  options: { now: number; userId?: number },
): Promise<PublishedConfig> {
  const json = canonicalJson(config);
  const hash = await sha256Hex(json);
  const [current] = await db
    .select({ version: max(siteConfigs.version) })
    .from(siteConfigs)
    .where(eq(siteConfigs.siteId, siteId));
  const version = (current?.version ?? 0) + 1;
  await db.insert(siteConfigs).values({
    siteId,
    version,
    hash,
    config: json,
    publishedAt: options.now,
    publishedBy: options.userId ?? null,
  });
  invalidateSiteCache(db, siteId);
  return { version, hash, json, config };
}
