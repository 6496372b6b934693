import {
  hasRole,
  longestExpiryDays,
  MIN_REFUSAL_DAYS,
  type SiteConfig,
  type SiteUpdateRequest,
} from "@assent/core";
import { type Database, isUniqueViolation, sites } from "@assent/db";
import { eq } from "drizzle-orm";
import { auditDetail } from "../audit";
import type { Principal } from "../auth";
import { ApiError } from "../errors";
import type { RouteSpec } from "../openapi";
import {
  applyDueRetentionChanges,
  type RetentionPair,
  scheduledRetention,
  scheduleRetentionChange,
} from "../retention";
import type { SiteCall } from "./admin-route";
import type { SiteAccess } from "./site-access";

const alreadyPending = () =>
  new ApiError(
    "RETENTION_CHANGE_PENDING",
    "A change of retention is already scheduled; cancel it before asking for another",
  );

/**
 * `409 RETENTION_BELOW_EXPIRY` when a retention of `retentionDays` would let the purge delete
 * receipts sooner than the site's published configuration remembers a decision (`expiryDays`, its
 * longest expiry; `null` when none is published): a receipt must be kept as long as the decision
 * it proves may be in force (GDPR art. 7(1)).
 */
export function requireRetentionCoversExpiry(retentionDays: number, expiryDays: number | null) {
  if (expiryDays === null || retentionDays >= expiryDays) return;
  const shorter =
    retentionDays >= MIN_REFUSAL_DAYS
      ? `, or first publish a configuration that remembers decisions for ${retentionDays} days at most`
      : "";
  throw new ApiError(
    "RETENTION_BELOW_EXPIRY",
    `Retention of ${retentionDays} days is shorter than the ${expiryDays} days the published configuration remembers a decision: a receipt must be kept as long as the decision it proves may be in force. Keep receipts at least ${expiryDays} days${shorter}`,
  );
}

/**
 * `409 EXPIRY_BEYOND_RETENTION` when `config` would remember a decision longer than the site keeps
 * receipts, now or once its scheduled lowering of retention applies: publishing it would let the
 * purge delete the proof of decisions still in force.
 */
export async function requireRetentionForConfig(
  db: Database,
  site: SiteAccess,
  config: Pick<SiteConfig, "expiry">,
  now: number,
) {
  const days = longestExpiryDays(config);
  const current = await siteAsOf(db, site, now);
  const scheduled = await scheduledRetention(db, site.id);
  const keeps = Math.min(current.retentionDays, scheduled?.retentionDays ?? Infinity);
  if (days <= keeps) return;
  const when =
    keeps < current.retentionDays ? " once the scheduled change of retention applies" : "";
  throw new ApiError(
    "EXPIRY_BEYOND_RETENTION",
    `This configuration remembers a decision for ${days} days, longer than the site keeps receipts${when} (${keeps} days): a receipt must be kept as long as the decision it proves may be in force. Raise retention to at least ${days} days first, or shorten expiry.acceptedDays and expiry.rejectedDays to ${keeps} days at most`,
  );
}

/** What a settings change does to retention: nothing, apply at once, or schedule a lowering. */
export type RetentionPlan =
  | { kind: "none" }
  | { kind: "now"; target: RetentionPair }
  | { kind: "scheduled"; target: RetentionPair };

/**
 * Decides how a `PATCH /v1/admin/sites/:site` treats `retentionDays` and `minRetentionDays`.
 * Either needs the owner role. Raising them applies at once, from a token too. Lowering either
 * shortens how long the log is kept, so it needs an owner signed in (`403 SESSION_REQUIRED` for a
 * token) and is scheduled after the grace period; retention may never be below the minimum
 * (`409 RETENTION_BELOW_MINIMUM`) nor shorter than the published configuration remembers a
 * decision (`expiryDays`, `409 RETENTION_BELOW_EXPIRY`), and a site has one scheduled change at a
 * time (`409 RETENTION_CHANGE_PENDING`). Throws before anything is written.
 */
export function planRetention(
  site: SiteAccess,
  change: Pick<SiteUpdateRequest, "retentionDays" | "minRetentionDays">,
  principal: Principal,
  pending: boolean,
  expiryDays: number | null,
): RetentionPlan {
  if (change.retentionDays === undefined && change.minRetentionDays === undefined) {
    return { kind: "none" };
  }
  if (!hasRole(site.role, "owner")) {
    throw new ApiError("FORBIDDEN", `Changing retention needs the owner role on "${site.key}"`);
  }
  const target: RetentionPair = {
    retentionDays: change.retentionDays ?? site.retentionDays,
    minRetentionDays: change.minRetentionDays ?? site.minRetentionDays,
  };
  const lowers =
    target.retentionDays < site.retentionDays || target.minRetentionDays < site.minRetentionDays;
  if (lowers && principal.kind !== "session") {
    throw new ApiError(
      "SESSION_REQUIRED",
      "Lowering retention or its minimum deletes records sooner: an owner must do it signed in to the dashboard. API tokens can only raise them",
    );
  }
  if (pending) throw alreadyPending();
  if (target.retentionDays < target.minRetentionDays) {
    throw new ApiError(
      "RETENTION_BELOW_MINIMUM",
      `Retention of ${target.retentionDays} days is below the site's declared minimum of ${target.minRetentionDays} days; lower minRetentionDays as well`,
    );
  }
  if (change.retentionDays !== undefined) {
    requireRetentionCoversExpiry(target.retentionDays, expiryDays);
  }
  if (!lowers) return { kind: "now", target };
  return { kind: "scheduled", target };
}

/**
 * The statements that schedule a planned lowering for the site and audit it
 * (`site.retention.schedule`, both values before and after, and when it takes effect), for the
 * batch of the settings change. Of two owners asking at once, the second's batch breaks the
 * unique index (one pending change a site): `refusedAsPending` turns that into
 * `409 RETENTION_CHANGE_PENDING`.
 */
export function scheduleLowering(
  db: Database,
  lowering: {
    site: SiteAccess;
    target: RetentionPair;
    principal: Principal;
    now: number;
    auditEntry: SiteCall<RouteSpec>["auditEntry"];
  },
) {
  const { site, target, principal, now, auditEntry } = lowering;
  const scheduled = scheduleRetentionChange(db, {
    siteId: site.id,
    target,
    userId: principal.user.id,
    now,
  });
  return [
    scheduled.insert,
    auditEntry({
      action: "site.retention.schedule",
      target: site.key,
      detail: auditDetail({
        changeId: scheduled.id,
        before: { retentionDays: site.retentionDays, minRetentionDays: site.minRetentionDays },
        after: target,
        effectiveAt: new Date(scheduled.effectiveAt).toISOString(),
      }),
    }),
  ] as const;
}

/** `409 RETENTION_CHANGE_PENDING` for a batch that scheduled a second pending change. */
export function refusedAsPending(err: unknown): unknown {
  return isUniqueViolation(err) ? alreadyPending() : err;
}

/** The site as it stands at `now`: a scheduled change whose grace period has ended is applied. */
export async function siteAsOf(db: Database, site: SiteAccess, now: number): Promise<SiteAccess> {
  if ((await applyDueRetentionChanges(db, now, site.id)).length === 0) return site;
  const [row] = await db.select().from(sites).where(eq(sites.id, site.id));
  if (!row) throw new Error("site vanished");
  return { ...row, role: site.role };
}
