import { RETENTION_GRACE_DAYS, type ScheduledRetentionChange } from "@assent/core";
import { type Database, retentionChanges, sites, users } from "@assent/db";
import { and, eq, isNull, lte, type SQL, sql } from "drizzle-orm";
import { type AuditInsert, auditInsert } from "../audit";
import { invalidateSiteCache } from "../sites";

const DAY_MS = 86_400_000;

/** How long a lowering of retention waits before it takes effect. */
export const RETENTION_GRACE_MS = RETENTION_GRACE_DAYS * DAY_MS;

/** A site's retention and its declared minimum, in days. */
export interface RetentionPair {
  retentionDays: number;
  minRetentionDays: number;
}

const pending = (siteId?: number) =>
  and(
    isNull(retentionChanges.cancelledAt),
    isNull(retentionChanges.appliedAt),
    siteId === undefined ? undefined : eq(retentionChanges.siteId, siteId),
  );

/** The site's scheduled lowering of retention, or `null`. */
export async function scheduledRetention(
  db: Database,
  siteId: number,
): Promise<ScheduledRetentionChange | null> {
  const [row] = await db
    .select({ change: retentionChanges, email: users.email })
    .from(retentionChanges)
    .leftJoin(users, eq(users.id, retentionChanges.requestedBy))
    .where(pending(siteId))
    .limit(1);
  if (!row) return null;
  return {
    retentionDays: row.change.retentionDays,
    minRetentionDays: row.change.minRetentionDays,
    requestedBy: row.email,
    requestedAt: new Date(row.change.requestedAt).toISOString(),
    effectiveAt: new Date(row.change.effectiveAt).toISOString(),
  };
}

/**
 * The insert that schedules `target` for the site, taking effect `RETENTION_GRACE_MS` after
 * `now`, not run yet: for the batch that also writes its audit entry (`id` names the new change
 * in a later statement of that batch). The caller has checked that none is pending; a
 * concurrent one is refused by the unique index.
 */
export function scheduleRetentionChange(
  db: Database,
  change: { siteId: number; target: RetentionPair; userId: number; now: number },
) {
  const effectiveAt = change.now + RETENTION_GRACE_MS;
  const insert = db.insert(retentionChanges).values({
    siteId: change.siteId,
    ...change.target,
    requestedBy: change.userId,
    requestedAt: change.now,
    effectiveAt,
  });
  const id = sql`(SELECT ${retentionChanges.id} FROM ${retentionChanges} WHERE ${pending(change.siteId)})`;
  return { insert, id, effectiveAt };
}

/**
 * Cancels the site's pending change, with the audit entry `audit` gives for it, in one batch:
 * the entry is written only while the change is still pending (`stillPending`), the cancellation
 * after it. Returns the change, or `null` when none was pending.
 */
export async function cancelRetentionChange(
  db: Database,
  cancel: { siteId: number; userId: number; now: number },
  audit: (change: typeof retentionChanges.$inferSelect, stillPending: SQL) => AuditInsert,
): Promise<(RetentionPair & { id: number; effectiveAt: number }) | null> {
  const [change] = await db.select().from(retentionChanges).where(pending(cancel.siteId));
  if (!change) return null;
  const mine = and(eq(retentionChanges.id, change.id), pending());
  const stillPending = sql`EXISTS ${db.select({ id: retentionChanges.id }).from(retentionChanges).where(mine)}`;
  const [, [row]] = await db.batch([
    audit(change, stillPending),
    db
      .update(retentionChanges)
      .set({ cancelledAt: cancel.now, cancelledBy: cancel.userId })
      .where(mine)
      .returning(),
  ]);
  return row ?? null;
}

/** Statements one change's application takes (its batch: the site, its audit entry, the claim). */
const APPLY_QUERIES = 3;

/**
 * Puts every pending change whose grace period has ended (`effective_at <= now`) into effect:
 * the site's retention and minimum become the change's, and a `site.retention.apply` audit entry
 * records both values before and after. Idempotent; the purge
 * calls it before reading any site's retention, so nothing pending ever shortens the log early.
 * @returns the ids of the sites changed
 */
export async function applyDueRetentionChanges(
  db: Database,
  now: number,
  siteId?: number,
  /** Asked before each change with the queries it takes: `false` leaves it for a later run. */
  allows: (queries: number) => boolean = () => true,
): Promise<number[]> {
  const due = await db
    .select({ change: retentionChanges, site: sites, email: users.email })
    .from(retentionChanges)
    .innerJoin(sites, eq(sites.id, retentionChanges.siteId))
    .leftJoin(users, eq(users.id, retentionChanges.requestedBy))
    .where(and(pending(siteId), lte(retentionChanges.effectiveAt, now)));
  const applied: number[] = [];
  for (const { change, site, email } of due) {
    if (!allows(APPLY_QUERIES)) break;
    const target = {
      retentionDays: change.retentionDays,
      minRetentionDays: change.minRetentionDays,
    };
    // One batch, each statement only while the change is still pending, the claim last: of two
    // instances applying at once, or an apply racing a cancel, exactly one wins, and the site's
    // retention, its audit entry and the claim commit together or not at all.
    const stillPending = sql`EXISTS ${db
      .select({ id: retentionChanges.id })
      .from(retentionChanges)
      .where(and(eq(retentionChanges.id, change.id), pending()))}`;
    const [, , claimed] = await db.batch([
      db
        .update(sites)
        .set(target)
        .where(and(eq(sites.id, site.id), stillPending)),
      auditInsert(
        db,
        {
          at: now,
          siteId: site.id,
          action: "site.retention.apply",
          target: site.key,
          detail: {
            changeId: change.id,
            before: { retentionDays: site.retentionDays, minRetentionDays: site.minRetentionDays },
            after: target,
            requestedBy: email,
            requestedAt: new Date(change.requestedAt).toISOString(),
            effectiveAt: new Date(change.effectiveAt).toISOString(),
          },
        },
        stillPending,
      ),
      db
        .update(retentionChanges)
        .set({ appliedAt: now })
        .where(and(eq(retentionChanges.id, change.id), pending()))
        .returning({ id: retentionChanges.id }),
    ]);
    if (claimed.length === 0) continue;
    applied.push(site.id);
    invalidateSiteCache(db, site.id);
  }
  return applied;
}
