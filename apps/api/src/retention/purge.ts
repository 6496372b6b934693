import { type Database, receiptCategories, receipts, sites } from "@assent/db";
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import { auditDetail, auditInsert } from "../audit";
import { SignInThrottle } from "../auth";
import { decisionReachDays } from "./decision-reach";
import { applyDueRetentionChanges } from "./retention-changes";
import { claimRun } from "./run-once";

const DAY_MS = 86_400_000;

/**
 * Receipts deleted per step. A step is one batch (its audit entry, the category rows, the
 * receipts), so a large purge never holds the write lock for long. The receipts are chosen by a
 * subquery, not bound ids, so a step stays within D1's 100 bound parameters whatever its size.
 */
export const PURGE_STEP = 1000;

/** What one purge removed, per site. */
export interface PurgeReport {
  site: string;
  cutoff: string;
  deleted: number;
}

/** How far back one site's purge deletes, and why. */
interface PurgeCutoff {
  /** Receipts older than this (ms since epoch) go. */
  at: number;
  /** The days `decisionReachDays` found: receipts that may prove a decision in force. */
  decisionDays: number;
}

type SiteRow = typeof sites.$inferSelect;

/**
 * Deletes up to `PURGE_STEP` of the site's receipts older than `cutoff`, with their category
 * rows, and writes a `retention.purge` audit entry saying how many: all in one batch, so the
 * entry and the deletion it records commit together or not at all. Returns how many it deleted.
 */
async function purgeStep(
  db: Database,
  site: SiteRow,
  { at: cutoff, decisionDays }: PurgeCutoff,
  now: number,
) {
  // Oldest first, by the (site, time, id) index: every statement of the batch picks the same set.
  const step = db
    .select({ id: receipts.id })
    .from(receipts)
    .where(and(eq(receipts.siteId, site.id), lt(receipts.serverTime, cutoff)))
    .orderBy(asc(receipts.serverTime), asc(receipts.id))
    .limit(PURGE_STEP);
  const [, , deleted] = await db.batch([
    auditInsert(
      db,
      {
        at: now,
        siteId: site.id,
        action: "retention.purge",
        target: site.key,
        detail: auditDetail({
          deleted: sql`(SELECT count(*) FROM ${step.as("step")})`,
          cutoff: new Date(cutoff).toISOString(),
          retentionDays: site.retentionDays,
          decisionDays,
        }),
      },
      sql`EXISTS ${step}`,
    ),
    db.delete(receiptCategories).where(inArray(receiptCategories.receiptId, step)),
    db.delete(receipts).where(inArray(receipts.id, step)).returning({ id: receipts.id }),
  ]);
  return deleted.length;
}

/**
 * Deletes every receipt older than its site's effective retention (`sites.retention_days`), with
 * its category rows, in steps of `PURGE_STEP`, each with its `retention.purge` audit entry (see
 * `purgeStep`). Never a receipt that may prove a decision still in force: the cut-off is the older
 * of the retention's and the `decisionReachDays` of the site's configurations. A scheduled
 * lowering of retention counts only once its grace period has ended: due ones are put into effect
 * first, pending ones are ignored. Daily rollups hold no personal data and are kept. Safe to run
 * at any time and repeatedly.
 */
export async function purgeExpiredReceipts(db: Database, now: number): Promise<PurgeReport[]> {
  await applyDueRetentionChanges(db, now);
  const reports: PurgeReport[] = [];
  for (const site of await db.select().from(sites)) {
    const decisionDays = await decisionReachDays(db, site.id, now);
    const cutoff = now - Math.max(site.retentionDays, decisionDays) * DAY_MS;
    let deleted = 0;
    for (;;) {
      const n = await purgeStep(db, site, { at: cutoff, decisionDays }, now);
      deleted += n;
      if (n < PURGE_STEP) break;
    }
    if (deleted > 0)
      reports.push({ site: site.key, cutoff: new Date(cutoff).toISOString(), deleted });
  }
  return reports;
}

/**
 * The day's retention job, as each runtime's scheduler runs it (the Node entry's
 * `schedulePurge`, the Worker's Cron Trigger): claims the UTC day of `at` in `job_runs`, so one
 * instance runs it, purges as of `at` (logging a line per site), then forgets ended sign-in
 * throttle windows.
 * @returns what was purged, or `null` when the day was already claimed
 */
export async function runDailyRetention(
  db: Database,
  at: number,
  options: { runner: string; log?: (line: string) => void },
): Promise<PurgeReport[] | null> {
  const log = options.log ?? ((line: string) => console.log(line));
  const day = new Date(at).toISOString().slice(0, 10);
  if (!(await claimRun(db, "retention", day, options.runner, at))) return null;
  const reports = await purgeExpiredReceipts(db, at);
  for (const r of reports)
    log(`[assent] retention: deleted ${r.deleted} receipts of ${r.site} before ${r.cutoff}`);
  await new SignInThrottle(db).prune(at);
  return reports;
}

/** How often an instance checks whether today's purge has run. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Options of `schedulePurge`. */
export interface PurgeSchedule {
  /** How often to check whether the day's purge is due (an hour). */
  intervalMs?: number;
  /** First check after start (10 s). */
  firstAfterMs?: number;
  now?: () => number;
  log?: (line: string) => void;
  /** Who runs it, as recorded in `job_runs` (host and process id). */
  runner?: string;
}

/**
 * Runs the purge once a UTC day across every instance that shares the database: each instance
 * checks soon after start and then hourly, and only the one that claims the day (`job_runs`)
 * purges, then forgets ended sign-in throttle windows. Never keeps the process alive; failures are
 * logged and the day's run is not retried (the next day's purge catches up, as the purge is by
 * cutoff). Returns a function that stops the checks.
 */
export function schedulePurge(db: Database, options: PurgeSchedule = {}): () => void {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));
  const runner = options.runner ?? `pid ${globalThis.process?.pid ?? "?"}`;
  const guarded = () =>
    runDailyRetention(db, now(), { runner, log }).catch((err: unknown) =>
      console.error("[assent] retention purge failed", err),
    );
  const first = setTimeout(guarded, options.firstAfterMs ?? 10_000);
  first.unref?.();
  const timer = setInterval(guarded, options.intervalMs ?? CHECK_EVERY_MS);
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
