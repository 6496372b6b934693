import {
  DEFAULT_RETENTION_DAYS,
  defaultSiteConfig,
  hasRole,
  longestExpiryDays,
  type ScheduledRetentionChange,
  SiteCreateSchema,
  type SiteSettings,
  type SiteSummary,
  SitesCreate,
  SitesGet,
  SitesList,
  SitesUpdate,
  SiteUpdateSchema,
} from "@assent/core";
import { isUniqueViolation, siteMembers, sites } from "@assent/db";
import { eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import type { AppDeps } from "../deps";
import { ApiError, badRequest } from "../errors";
import { defineRoute } from "../openapi";
import { publishedExpiryDays, scheduledRetention } from "../retention";
import { invalidateSiteCache, publicationInsert, type Site } from "../sites";
import { accountRoute, siteRoute } from "./admin-route";
import { sitesForUser } from "./site-access";
import { SiteParams } from "./site-params";
import {
  planRetention,
  refusedAsPending,
  requireRetentionCoversExpiry,
  scheduleLowering,
  siteAsOf,
} from "./site-retention";

export const listSitesRoute = defineRoute({
  method: "GET",
  path: "/v1/admin/sites",
  summary: "The sites the caller may see, with their role on each",
  tag: "sites",
  access: { kind: "account" },
  response: {
    status: 200,
    description: "`{ sites: [{ key, name, role }] }`",
    schema: SitesList.response,
  },
});
export const createSiteRoute = defineRoute({
  method: "POST",
  path: "/v1/admin/sites",
  summary:
    "Create a site (with the default configuration published); the caller becomes its owner. Needs the owner role on some site. Its retention covers the default configuration's expiry (409 RETENTION_BELOW_EXPIRY)",
  tag: "sites",
  access: { kind: "account", sessionOnly: true },
  body: SiteCreateSchema,
  response: { status: 201, description: "The new site's settings", schema: SitesCreate.response },
  errors: ["SITE_KEY_TAKEN"],
});
export const getSiteRoute = defineRoute({
  method: "GET",
  path: "/v1/admin/sites/:site",
  summary: "A site's settings",
  tag: "sites",
  access: { kind: "site", role: "viewer" },
  params: SiteParams,
  response: { status: 200, description: "The site's settings", schema: SitesGet.response },
});
export const updateSiteRoute = defineRoute({
  method: "PATCH",
  path: "/v1/admin/sites/:site",
  summary:
    "Change a site's name, allowed origins or IP mode (admin), or its retention and declared minimum (owner). Raising retention applies at once; lowering either needs a signed-in owner (403 SESSION_REQUIRED for a token) and is scheduled after the grace period (202). Retention is never shorter than the published configuration remembers a decision (409 RETENTION_BELOW_EXPIRY)",
  tag: "sites",
  access: { kind: "site", role: "admin" },
  params: SiteParams,
  body: SiteUpdateSchema,
  response: {
    status: 200,
    description: "The site's settings after the change (202 with `scheduledRetention` set)",
    schema: SitesUpdate.response,
  },
  alsoAnswers: [
    {
      status: 202,
      description: "A lowering of retention, scheduled: the settings with `scheduledRetention` set",
      schema: SitesUpdate.response,
    },
  ],
  errors: [
    "SESSION_REQUIRED",
    "NOTHING_TO_CHANGE",
    "RETENTION_BELOW_MINIMUM",
    "RETENTION_BELOW_EXPIRY",
    "RETENTION_CHANGE_PENDING",
  ],
});
/** A site row as the dashboard shows it. */
export function siteSettings(
  site: Site,
  role: SiteSummary["role"],
  scheduled: ScheduledRetentionChange | null,
): SiteSettings {
  return {
    key: site.key,
    name: site.name,
    role,
    allowedOrigins: site.allowedOrigins,
    ipMode: site.ipMode,
    retentionDays: site.retentionDays,
    minRetentionDays: site.minRetentionDays,
    scheduledRetention: scheduled,
    createdAt: new Date(site.createdAt).toISOString(),
  };
}

const keyTaken = (key: string) => new ApiError("SITE_KEY_TAKEN", `The key "${key}" is taken`);

/** Sites: list, create, read and change settings (retention included). */
export function siteRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  accountRoute(app, deps, listSitesRoute, async ({ c, principal }) => {
    let list = await sitesForUser(deps.db, principal.user.id);
    if (principal.kind === "token") {
      const [own] = await deps.db.select().from(sites).where(eq(sites.id, principal.siteId));
      list = list
        .filter((s) => s.key === own?.key)
        .map((s) => ({ ...s, role: hasRole(principal.role, s.role) ? s.role : principal.role }));
    }
    return c.json({ sites: list });
  });

  accountRoute(app, deps, createSiteRoute, async ({ c, input, principal, now, auditEntry }) => {
    const mine = await sitesForUser(deps.db, principal.user.id);
    if (!mine.some((s) => s.role === "owner")) {
      throw new ApiError("FORBIDDEN", "Only owners of a site may create sites");
    }
    const body = {
      ...input.body,
      minRetentionDays:
        input.body.minRetentionDays ?? Math.min(DEFAULT_RETENTION_DAYS, input.body.retentionDays),
    };
    if (body.retentionDays < body.minRetentionDays) {
      throw new ApiError(
        "RETENTION_BELOW_MINIMUM",
        `Retention of ${body.retentionDays} days is below the declared minimum of ${body.minRetentionDays} days`,
      );
    }
    const config = defaultSiteConfig(body.key);
    requireRetentionCoversExpiry(body.retentionDays, longestExpiryDays(config));
    const [taken] = await deps.db
      .select({ id: sites.id })
      .from(sites)
      .where(eq(sites.key, body.key));
    if (taken) throw keyTaken(body.key);
    // One batch: the site, its creator as owner, its first published config and the audit
    // entry, each naming the new site by its key.
    const db = deps.db;
    const siteId = sql`(SELECT ${sites.id} FROM ${sites} WHERE ${sites.key} = ${body.key})`;
    const userId = principal.user.id;
    const first = await publicationInsert(db, siteId, config, { now, userId });
    const [[site]] = await db
      .batch([
        db
          .insert(sites)
          .values({ ...body, createdAt: now })
          .returning(),
        db.insert(siteMembers).values({ userId, siteId, role: "owner" }),
        first.insert,
        auditEntry({ siteId, action: "site.create", target: body.key, detail: body }),
      ])
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? keyTaken(body.key) : err;
      });
    if (!site) throw new Error("site was not created");
    return c.json(siteSettings(site, "owner", null), 201);
  });

  siteRoute(app, deps, getSiteRoute, async ({ c, site, now }) => {
    const fresh = await siteAsOf(deps.db, site, now);
    return c.json(siteSettings(fresh, site.role, await scheduledRetention(deps.db, site.id)));
  });

  siteRoute(
    app,
    deps,
    updateSiteRoute,
    async ({ c, input, site: asked, principal, now, auditEntry }) => {
      const { retentionDays, minRetentionDays, ...rest } = input.body;
      if (Object.keys(input.body).length === 0)
        throw badRequest("NOTHING_TO_CHANGE", "Send at least one setting");
      const db = deps.db;
      const site = await siteAsOf(db, asked, now);
      const pending = (await scheduledRetention(db, site.id)) !== null;
      const expiryDays =
        retentionDays === undefined ? null : await publishedExpiryDays(db, site.id);
      const plan = planRetention(
        site,
        { retentionDays, minRetentionDays },
        principal,
        pending,
        expiryDays,
      );
      const change = { ...rest, ...(plan.kind === "now" ? plan.target : {}) };
      const before = Object.fromEntries(
        Object.keys(change).map((k) => [k, (site as Record<string, unknown>)[k]]),
      );
      // One batch: a scheduled lowering, the settings applied at once and their audit entries.
      // If the lowering is refused, nothing of the request is applied.
      const statements = [
        ...(plan.kind === "scheduled"
          ? scheduleLowering(db, { site, target: plan.target, principal, now, auditEntry })
          : []),
        ...(Object.keys(change).length > 0
          ? [
              db.update(sites).set(change).where(eq(sites.id, site.id)),
              auditEntry({
                action: "site.update",
                target: site.key,
                detail: { before, after: change },
              }),
            ]
          : []),
      ];
      const [first, ...others] = statements;
      if (first) {
        await db.batch([first, ...others]).catch((err: unknown) => {
          throw refusedAsPending(err);
        });
        invalidateSiteCache(db, site.id);
      }
      const [updated] = await db.select().from(sites).where(eq(sites.id, site.id));
      if (!updated) throw new Error("site vanished");
      const settings = siteSettings(updated, site.role, await scheduledRetention(db, site.id));
      return c.json(settings, plan.kind === "scheduled" ? 202 : 200);
    },
  );

  return app;
}
