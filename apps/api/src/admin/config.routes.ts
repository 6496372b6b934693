import {
  type ConfigState,
  type ConfigVersion,
  type ConfigVersionSummary,
  canonicalJson,
  PolicyBumpSchema,
  type SiteConfig,
  SiteConfigSchema,
  sha256Hex,
} from "@assent/core";
import { siteConfigDrafts, siteConfigs, users } from "@assent/db";
import { and, desc, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { Hono } from "hono";
import * as v from "valibot";
import { auditDetail } from "../audit";
import type { AppDeps } from "../deps";
import { ApiError, badRequest, notFound } from "../errors";
import { defineRoute, type RouteSpec } from "../openapi";
import { latestConfig, type Publication, publishConfig } from "../sites";
import { type SiteCall, siteRoute } from "./admin-route";
import { configState, publishedVersion, versionRow } from "./config-state";
import { SiteParams, siteKeyParam } from "./site-params";

const base = "/v1/admin/sites/:site/config";
const site = { kind: "site" as const };

export const configRoute = defineRoute({
  method: "GET",
  path: base,
  summary: "The published configuration and the draft being edited",
  tag: "config",
  access: { ...site, role: "viewer" },
  params: SiteParams,
  response: { status: 200, description: "`{ published, draft }`" },
});
export const saveDraftRoute = defineRoute({
  method: "PUT",
  path: `${base}/draft`,
  summary: "Save the draft configuration (validated; visitors see nothing until it is published)",
  tag: "config",
  access: { ...site, role: "admin" },
  params: SiteParams,
  body: SiteConfigSchema,
  response: { status: 200, description: "The configuration state with the new draft" },
});
export const discardDraftRoute = defineRoute({
  method: "DELETE",
  path: `${base}/draft`,
  summary: "Discard the draft configuration",
  tag: "config",
  access: { ...site, role: "admin" },
  params: SiteParams,
  response: { status: 204, description: "Discarded" },
});
export const publishRoute = defineRoute({
  method: "POST",
  path: `${base}/publish`,
  summary: "Publish the draft as a new immutable, content-hashed version",
  tag: "config",
  access: { ...site, role: "admin" },
  params: SiteParams,
  response: { status: 201, description: "The published version" },
});
export const bumpRoute = defineRoute({
  method: "POST",
  path: `${base}/bump`,
  summary:
    "Bump the policy version: publishes the current configuration with a new policy version, so every visitor is asked again",
  tag: "config",
  access: { ...site, role: "admin" },
  params: SiteParams,
  body: PolicyBumpSchema,
  response: { status: 201, description: "The published version" },
});
export const versionsRoute = defineRoute({
  method: "GET",
  path: `${base}/versions`,
  summary: "Every published version, newest first",
  tag: "config",
  access: { ...site, role: "viewer" },
  params: SiteParams,
  response: { status: 200, description: "`{ versions: [...] }`" },
});
export const versionRoute = defineRoute({
  method: "GET",
  path: `${base}/versions/:ref`,
  summary: "One published version, by number or by content hash (as receipts reference it)",
  tag: "config",
  access: { ...site, role: "viewer" },
  params: v.object({
    site: siteKeyParam,
    ref: v.pipe(
      v.string(),
      v.regex(/^([1-9]\d{0,8}|[0-9a-f]{64})$/, "must be a version number or a SHA-256 hash"),
    ),
  }),
  response: { status: 200, description: "The version and its configuration" },
});

function nextPolicyVersion(current: string): string | null {
  return /^\d{1,9}$/.test(current) ? String(Number(current) + 1) : null;
}

/** Drafts, publishing, versions and policy-version bumps. */
export function configRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const db = deps.db;

  const published = async (siteId: number, version: number): Promise<ConfigVersion> => {
    const found = await publishedVersion(db, siteId, version);
    if (!found) throw new Error("published version not found");
    return found;
  };

  /** Publishes `config` with the statements `alongside` gives, in one batch. */
  const publish = async (
    call: SiteCall<RouteSpec>,
    config: SiteConfig,
    alongside: (publication: Publication) => BatchItem<"sqlite">[],
  ) => {
    const { site, principal, now } = call;
    const latest = await latestConfig(db, site.id);
    if (latest && latest.hash === (await sha256Hex(canonicalJson(config)))) {
      throw new ApiError(
        409,
        "NOTHING_TO_PUBLISH",
        "This configuration is already the published one",
      );
    }
    return publishConfig(db, site.id, config, { now, userId: principal.user.id, alongside });
  };

  siteRoute(app, deps, configRoute, async ({ c, site }) => c.json(await configState(db, site.id)));

  siteRoute(app, deps, saveDraftRoute, async ({ c, input, site, principal, now, auditEntry }) => {
    const config = input.body;
    if (config.siteKey !== site.key) {
      throw badRequest("SITE_KEY_MISMATCH", `siteKey must be "${site.key}"`);
    }
    const values = { config: canonicalJson(config), updatedAt: now, updatedBy: principal.user.id };
    await db.batch([
      db
        .insert(siteConfigDrafts)
        .values({ siteId: site.id, ...values })
        .onConflictDoUpdate({ target: siteConfigDrafts.siteId, set: values }),
      auditEntry({ action: "config.draft", target: site.key }),
    ]);
    return c.json((await configState(db, site.id)) satisfies ConfigState);
  });

  siteRoute(app, deps, discardDraftRoute, async ({ c, site, auditEntry }) => {
    const mine = eq(siteConfigDrafts.siteId, site.id);
    // The entry is written only if there is a draft, the deletion after it.
    const [[entry], gone] = await db.batch([
      auditEntry(
        { action: "config.discard-draft", target: site.key },
        sql`EXISTS ${db.select({ siteId: siteConfigDrafts.siteId }).from(siteConfigDrafts).where(mine)}`,
      ),
      db.delete(siteConfigDrafts).where(mine).returning({ siteId: siteConfigDrafts.siteId }),
    ]);
    if (!entry || gone.length === 0) throw notFound("NO_DRAFT", "There is no draft to discard");
    return c.body(null, 204);
  });

  siteRoute(app, deps, publishRoute, async (call) => {
    const { c, site, auditEntry } = call;
    const [draft] = await db
      .select()
      .from(siteConfigDrafts)
      .where(eq(siteConfigDrafts.siteId, site.id));
    if (!draft) throw new ApiError(409, "NO_DRAFT", "Save a draft before publishing");
    const result = await publish(call, JSON.parse(draft.config), ({ version, hash }) => [
      db.delete(siteConfigDrafts).where(eq(siteConfigDrafts.siteId, site.id)),
      auditEntry({
        action: "config.publish",
        target: site.key,
        detail: auditDetail({ version, hash }),
      }),
    ]);
    return c.json(await published(site.id, result.version), 201);
  });

  siteRoute(app, deps, bumpRoute, async (call) => {
    const { c, input, site, auditEntry } = call;
    const latest = await latestConfig(db, site.id);
    if (!latest) throw new ApiError(409, "NOTHING_PUBLISHED", "Publish a configuration first");
    const current = latest.config.policyVersion;
    const policyVersion = input.body.policyVersion ?? nextPolicyVersion(current);
    if (!policyVersion) {
      throw badRequest(
        "POLICY_VERSION_REQUIRED",
        `Say the new policy version (it is now "${current}")`,
      );
    }
    if (policyVersion === current) {
      throw new ApiError(409, "SAME_POLICY_VERSION", `The policy version is already "${current}"`);
    }
    // A draft keeps up with the bump, so publishing it later does not roll the version back.
    const [draft] = await db
      .select()
      .from(siteConfigDrafts)
      .where(eq(siteConfigDrafts.siteId, site.id));
    const bumped = { ...latest.config, policyVersion };
    const result = await publish(call, bumped, ({ version, hash }) => [
      ...(draft
        ? [
            db
              .update(siteConfigDrafts)
              .set({ config: canonicalJson({ ...JSON.parse(draft.config), policyVersion }) })
              .where(eq(siteConfigDrafts.siteId, site.id)),
          ]
        : []),
      auditEntry({
        action: "config.bump-policy",
        target: site.key,
        detail: auditDetail({ from: current, to: policyVersion, version, hash }),
      }),
    ]);
    return c.json(await published(site.id, result.version), 201);
  });

  siteRoute(app, deps, versionsRoute, async ({ c, site }) => {
    const rows = await db
      .select({ row: siteConfigs, email: users.email })
      .from(siteConfigs)
      .leftJoin(users, eq(users.id, siteConfigs.publishedBy))
      .where(eq(siteConfigs.siteId, site.id))
      .orderBy(desc(siteConfigs.version));
    const versions: ConfigVersionSummary[] = rows.map((r) => versionRow(r.row, r.email));
    return c.json({ versions });
  });

  siteRoute(app, deps, versionRoute, async ({ c, input, site }) => {
    const { ref } = input.params;
    const [row] = await db
      .select({ version: siteConfigs.version })
      .from(siteConfigs)
      .where(
        and(
          eq(siteConfigs.siteId, site.id),
          ref.length === 64 ? eq(siteConfigs.hash, ref) : eq(siteConfigs.version, Number(ref)),
        ),
      )
      .limit(1);
    if (!row) throw notFound("VERSION_NOT_FOUND", `No published version "${ref}" of this site`);
    return c.json(await published(site.id, row.version));
  });

  return app;
}
