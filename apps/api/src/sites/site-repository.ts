import { canonicalJson, type SiteConfig, sha256Hex } from "@assent/core";
import { type Database, siteConfigs, sites } from "@assent/db";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { publishable } from "./publishable";
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
  /**
   * The compliance warnings its publisher acknowledged, sorted; `null` for versions published
   * before acknowledgements existed, or by the system.
   */
  acknowledged: string[] | null;
}

/** A stored version as the app reads it. */
function published(row: typeof siteConfigs.$inferSelect): PublishedConfig {
  return {
    version: row.version,
    hash: row.hash,
    json: row.config,
    config: JSON.parse(row.config) as SiteConfig,
    acknowledged: row.acknowledged ? (JSON.parse(row.acknowledged) as string[]) : null,
  };
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
  return published(row);
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
  return published(row);
}

/** What the statements published beside a new version may refer to. */
export interface Publication {
  /** The new version's number, as SQL for a statement later in the same batch. */
  version: SQL;
  hash: string;
}

/**
 * The insert that publishes `config` as the site's next version, not run yet: canonical JSON,
 * SHA-256, and the next version number computed by the insert itself, so publications racing on
 * one site get consecutive versions. `siteId` may be SQL (a site created in the same batch).
 */
export async function publicationInsert(
  db: Database,
  siteId: number | SQL,
  config: SiteConfig,
  options: {
    now: number;
    userId?: number;
    acknowledged?: readonly string[];
    /**
     * The version this publication follows (0 for none): while it is still the latest, the new
     * one is numbered after it; once another was published since, the insert takes that one's
     * number and the site's unique `(site, version)` index refuses it, so the whole batch commits
     * nothing (`isUniqueViolation`). Without it, the next number whatever was published since.
     */
    after?: number;
  },
) {
  // Checked again at publish, whatever was saved before: a draft (or the version a bump
  // re-publishes) from before a guard or a linter rule existed must not go live past it.
  publishable(config);
  const json = canonicalJson(config);
  const hash = await sha256Hex(json);
  const insert = db
    .insert(siteConfigs)
    .select(
      db
        .select({
          id: sql<number>`NULL`.as("id"),
          siteId: sql<number>`${siteId}`.as("site_id"),
          version: (options.after === undefined
            ? sql<number>`coalesce(max(${siteConfigs.version}), 0) + 1`
            : sql<number>`CASE WHEN coalesce(max(${siteConfigs.version}), 0) = ${options.after}
                THEN ${options.after} + 1 ELSE max(${siteConfigs.version}) END`
          ).as("version"),
          hash: sql<string>`${hash}`.as("hash"),
          config: sql<string>`${json}`.as("config"),
          publishedAt: sql<number>`${options.now}`.as("published_at"),
          publishedBy: sql<number | null>`${options.userId ?? null}`.as("published_by"),
          acknowledged: sql<
            string | null
          >`${options.acknowledged ? JSON.stringify([...options.acknowledged].sort()) : null}`.as(
            "acknowledged",
          ),
        })
        .from(siteConfigs)
        .where(eq(siteConfigs.siteId, siteId)),
    )
    .returning({ version: siteConfigs.version });
  const version = sql`(SELECT max(${siteConfigs.version}) FROM ${siteConfigs} WHERE ${siteConfigs.siteId} = ${siteId})`;
  return { insert, version, hash, json };
}

/**
 * Publishes a new, immutable configuration version (see `publicationInsert`). `alongside` gives
 * statements that commit with it, in one batch: the draft it came from, its audit entry.
 */
export async function publishConfig(
  db: Database,
  siteId: number,
  config: SiteConfig,
  options: {
    now: number;
    userId?: number;
    /** The compliance warnings the publisher acknowledged, recorded with the version. */
    acknowledged?: readonly string[];
    /** The version this one follows; see `publicationInsert`. */
    after?: number;
    alongside?: (publication: Publication) => BatchItem<"sqlite">[];
  },
): Promise<PublishedConfig> {
  const { insert, version, hash, json } = await publicationInsert(db, siteId, config, options);
  const [[row]] = await db.batch([insert, ...(options.alongside?.({ version, hash }) ?? [])]);
  if (!row) throw new Error("configuration was not published");
  invalidateSiteCache(db, siteId);
  const acknowledged = options.acknowledged ? [...options.acknowledged].sort() : null;
  return { version: row.version, hash, json, config, acknowledged };
}
