import { defaultSiteConfig, type SiteConfig } from "@assent/core";
import { type Database, siteMembers, sites, users } from "@assent/db";
import { count, eq } from "drizzle-orm";
import { hashPassword, randomToken } from "../auth";
import { signingKeyFor } from "../signing";
import { publishConfig } from "../sites";

/** The demo site's configuration: the services a membership body's site typically runs. */
export function demoConfig(): SiteConfig {
  return {
    ...defaultSiteConfig("demo", [
      { id: "google-analytics", category: "analytics" },
      { id: "meta-pixel", category: "marketing" },
      { id: "youtube", category: "embeds" },
      { id: "flickr", category: "embeds" },
      { id: "facebook-social", category: "embeds" },
      { id: "twitter", category: "embeds" },
    ]),
    // Relative to the page showing the banner: the demo site, on an origin of its own.
    privacyPolicyUrl: "/privacy.html",
    cookiePolicyUrl: "/privacy.html#cookies",
  };
}

/** What to seed on first start. */
export interface SeedOptions {
  /** The server's own public origin: the demo site's allowed origin. */
  origin: string;
  ownerEmail: string;
  /** The owner's password; when absent a random one is generated and returned once. */
  ownerPassword?: string;
  /**
   * `false`: without `ownerPassword` no owner is created (`ownerMissing`), for a runtime that
   * cannot show a generated password to its operator only (Workers logs); a later start with
   * one creates it. Default `true`.
   */
  generateOwnerPassword?: boolean;
  now: number;
  /** PBKDF2 iterations for the owner's password (Workers cap PBKDF2 at 100,000). */
  passwordIterations?: number;
}

/** What `seed` did. */
export interface SeedResult {
  createdSite: boolean;
  /** Set when the owner account was created; `password` only when it was generated. */
  createdOwner?: { email: string; password?: string };
  /** Set when there is no user and none was created (no password given, none to generate). */
  ownerMissing?: true;
}

/**
 * First-start seeding: the `demo` site with a published configuration, and an owner account when
 * there is no user yet. Does nothing on later starts.
 */
export async function seed(db: Database, options: SeedOptions): Promise<SeedResult> {
  const result: SeedResult = { createdSite: false };
  let [site] = await db.select().from(sites).where(eq(sites.key, "demo")).limit(1);
  if (!site) {
    [site] = await db
      .insert(sites)
      .values({
        key: "demo",
        name: "Demo: Guild of Independent Makers",
        allowedOrigins: [options.origin],
        createdAt: options.now,
      })
      .onConflictDoNothing()
      .returning();
    if (site) {
      await publishConfig(db, site.id, demoConfig(), { now: options.now });
      await signingKeyFor(db, site, options.now);
      result.createdSite = true;
    } else {
      // Another instance seeded it meanwhile (concurrent first requests on Workers).
      [site] = await db.select().from(sites).where(eq(sites.key, "demo")).limit(1);
      if (!site) throw new Error("could not create the demo site");
    }
  }
  const [existing] = await db.select({ n: count() }).from(users);
  const noUser = (existing?.n ?? 0) === 0;
  if (noUser && !options.ownerPassword && options.generateOwnerPassword === false) {
    result.ownerMissing = true;
  } else if (noUser) {
    const generated = options.ownerPassword ? undefined : randomToken().slice(0, 24);
    const password = options.ownerPassword ?? (generated as string);
    const [owner] = await db
      .insert(users)
      .values({
        email: options.ownerEmail.toLowerCase(),
        name: "Site owner",
        passwordHash: await hashPassword(password, options.passwordIterations),
        createdAt: options.now,
      })
      .onConflictDoNothing()
      .returning();
    if (!owner) return result;
    await db.insert(siteMembers).values({ userId: owner.id, siteId: site.id, role: "owner" });
    result.createdOwner = { email: owner.email, ...(generated ? { password: generated } : {}) };
  }
  return result;
}

/**
 * Adds origins to the demo site's allowed origins when they are missing (a database seeded
 * before the demo moved to an origin of its own, or a demo port that changed). Idempotent.
 */
export async function allowDemoOrigins(db: Database, origins: string[]): Promise<void> {
  const [site] = await db.select().from(sites).where(eq(sites.key, "demo")).limit(1);
  if (!site) return;
  const missing = origins.filter((o) => !site.allowedOrigins.includes(o));
  if (missing.length === 0) return;
  await db
    .update(sites)
    .set({ allowedOrigins: [...site.allowedOrigins, ...missing] })
    .where(eq(sites.id, site.id));
}
