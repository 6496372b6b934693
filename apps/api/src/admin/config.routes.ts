import {
  type ConfigState,
  type ConfigVersion,
  type ConfigVersionSummary,
  canonicalJson,
  lintConfig,
  type SiteConfig,
  sha256Hex,
} from "@assent/core";
import { isUniqueViolation, siteConfigDrafts, siteConfigs, users } from "@assent/db";
import { and, desc, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { Hono } from "hono";
import { auditDetail } from "../audit";
import type { AppDeps } from "../deps";
import { ApiError, badRequest, notFound } from "../errors";
import type { RouteSpec } from "../openapi";
import {
  latestConfig,
  type Publication,
  type PublishedConfig,
  publishable,
  publishConfig,
} from "../sites";
import { type SiteCall, siteRoute } from "./admin-route";
import {
  bumpRoute,
  configRoute,
  discardDraftRoute,
  publishRoute,
  saveDraftRoute,
  versionRoute,
  versionsRoute,
} from "./config.spec";
import { configState, lintContext, publishedVersion, versionRow } from "./config-state";
import { draftFollowsBump } from "./draft-bump";
import { requireReasonToAskAgain } from "./policy-pacing";
import { requireAcknowledged } from "./publish-acknowledgement";
import { requireRetentionForConfig } from "./site-retention";

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

  /** Refuses to publish what is already the published configuration, `latest`. */
  const refuseUnchanged = async (latest: PublishedConfig | null, config: SiteConfig) => {
    if (latest && latest.hash === (await sha256Hex(canonicalJson(config)))) {
      throw new ApiError("NOTHING_TO_PUBLISH", "This configuration is already the published one");
    }
  };

  /**
   * Publishes `config` after `latest`, the version every check was made against, with the
   * statements `alongside` gives, in one batch; never one that remembers a decision longer than
   * the site keeps receipts (`409 EXPIRY_BEYOND_RETENTION`). When another version was published
   * since `latest` was read, nothing is published: `409 CONFIG_CHANGED`. Publishing anyway
   * would undo that version's change unseen (a bump re-publishes the version it read).
   */
  const publish = async (
    call: SiteCall<RouteSpec>,
    latest: PublishedConfig | null,
    config: SiteConfig,
    alongside: (publication: Publication) => BatchItem<"sqlite">[],
    acknowledged?: readonly string[],
  ) => {
    const { site, principal, now } = call;
    await refuseUnchanged(latest, config);
    await requireRetentionForConfig(db, site, config, now);
    return publishConfig(db, site.id, config, {
      now,
      userId: principal.user.id,
      after: latest?.version ?? 0,
      alongside,
      ...(acknowledged ? { acknowledged } : {}),
    }).catch((err) => {
      throw isUniqueViolation(err)
        ? new ApiError(
            "CONFIG_CHANGED",
            "Another version was published meanwhile: review it, then publish again",
          )
        : err;
    });
  };

  siteRoute(app, deps, configRoute, async ({ c, site }) => c.json(await configState(db, site)));

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
    return c.json((await configState(db, site)) satisfies ConfigState);
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
    if (!entry || gone.length === 0)
      throw new ApiError("NO_DRAFT", "There is no draft to discard", { status: 404 });
    return c.body(null, 204);
  });

  siteRoute(app, deps, publishRoute, async (call) => {
    const { c, input, site, auditEntry } = call;
    const acknowledged = [...new Set(input.body.acknowledge)].sort();
    const [draft] = await db
      .select()
      .from(siteConfigDrafts)
      .where(eq(siteConfigDrafts.siteId, site.id));
    if (!draft) throw new ApiError("NO_DRAFT", "Save a draft before publishing");
    const context = lintContext(site);
    const config = publishable(JSON.parse(draft.config), context);
    const latest = await latestConfig(db, site.id);
    await refuseUnchanged(latest, config);
    requireAcknowledged(lintConfig(config, context), acknowledged);
    // A draft with another policy version asks everyone again, as a bump does.
    const { reason } = input.body;
    if (latest)
      await requireReasonToAskAgain(db, site.id, latest.config, config, { now: call.now, reason });
    const result = await publish(
      call,
      latest,
      config,
      ({ version, hash }) => [
        // The draft it publishes, not one saved since it was read.
        db
          .delete(siteConfigDrafts)
          .where(
            and(eq(siteConfigDrafts.siteId, site.id), eq(siteConfigDrafts.config, draft.config)),
          ),
        auditEntry({
          action: "config.publish",
          target: site.key,
          detail: auditDetail({ version, hash, acknowledged, ...(reason ? { reason } : {}) }),
        }),
      ],
      acknowledged,
    );
    return c.json(await published(site.id, result.version), 201);
  });

  siteRoute(app, deps, bumpRoute, async (call) => {
    const { c, input, site, auditEntry } = call;
    const latest = await latestConfig(db, site.id);
    if (!latest) throw new ApiError("NOTHING_PUBLISHED", "Publish a configuration first");
    const current = latest.config.policyVersion;
    const policyVersion = input.body.policyVersion ?? nextPolicyVersion(current);
    if (!policyVersion) {
      throw badRequest(
        "POLICY_VERSION_REQUIRED",
        `Say the new policy version (it is now "${current}")`,
      );
    }
    if (policyVersion === current) {
      throw new ApiError("SAME_POLICY_VERSION", `The policy version is already "${current}"`);
    }
    // What cannot be published is refused as such (422) first. What is re-published is the
    // version as read today: completed from today's catalogue (cookies it knows), checked by
    // today's rules.
    const bumped = publishable({ ...latest.config, policyVersion }, lintContext(site));
    // The version re-published keeps its owner's acknowledgement, if it still covers exactly
    // today's warnings (a rule added since asks again, answered with `acknowledge`). A version
    // the system published (no acknowledgement recorded) is re-published as such, unless the
    // caller acknowledges its warnings now, as the dashboard does.
    const given = input.body.acknowledge ?? latest.acknowledged;
    const acknowledged = given ? [...new Set(given)].sort() : undefined;
    if (acknowledged) requireAcknowledged(lintConfig(bumped, lintContext(site)), acknowledged);
    const { reason } = input.body;
    await requireReasonToAskAgain(db, site.id, latest.config, bumped, { now: call.now, reason });
    const result = await publish(
      call,
      latest,
      bumped,
      ({ version, hash }) => [
        // A draft keeps up with the bump, so publishing it later does not roll the version back.
        draftFollowsBump(db, site.id, policyVersion),
        auditEntry({
          action: "config.bump-policy",
          target: site.key,
          detail: auditDetail({
            from: current,
            to: policyVersion,
            version,
            hash,
            acknowledged,
            ...(reason ? { reason } : {}),
          }),
        }),
      ],
      acknowledged,
    );
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
