import { type Database, receiptCategories, receipts, sites } from "@assent/db";
import { and, asc, eq, exists, gte, inArray, lt, sql } from "drizzle-orm";
import { auditDetail, auditInsert } from "../audit";
import { SignInThrottle } from "../auth";
import { type QueryMeter, unmetered } from "../limits";
import { purgeUnusedWordings } from "../sdk-archive";
import { decisionReachDays } from "./decision-reach";
import { applyDueRetentionChanges } from "./retention-changes";
import { claimRun, leaveUnfinished, takeUnfinished } from "./run-once";

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
  return (await purgeWithin(db, now, { meter: unmetered() })).reports;
}

/** Queries before a purge's sites: the due retention changes, and the sites with work. */
const START_QUERIES = 2;
/** Queries a site takes before its first step (`decisionReachDays`). */
const SITE_QUERIES = 1;
/** Statements of one step (`purgeStep`'s batch: audit entry, category rows, receipts). */
const STEP_QUERIES = 3;

/** What a purge within a budget did, and the site it stopped at (`null`: it finished). */
export interface PurgeProgress {
  reports: PurgeReport[];
  resumeAt: number | null;
}

/**
 * The sites, from `fromSite` on in id order, that hold a receipt older than their retention: no
 * other has any to purge (a site's cut-off is never later than its retention's), so a run that
 * goes on never spends queries on sites it finished (one lookup in `receipts_site_time` each).
 */
function sitesWithExpired(db: Database, now: number, fromSite: number) {
  const expired = db
    .select({ one: sql`1` })
    .from(receipts)
    .where(
      and(
        eq(receipts.siteId, sites.id),
        lt(receipts.serverTime, sql`${now} - ${sites.retentionDays} * ${DAY_MS}`),
      ),
    );
  return db
    .select()
    .from(sites)
    .where(and(gte(sites.id, fromSite), exists(expired)))
    .orderBy(asc(sites.id));
}

/**
 * `purgeExpiredReceipts` within an invocation's queries: before each step it asks `meter` whether
 * the step fits (keeping `reserve` for what the caller runs after), and stops before one that does
 * not, saying which site it goes on with. Every step is whole (its audit entry, its deletions); a
 * site stopped part-way has its oldest receipts gone and the rest still past the cut-off, so the
 * run that goes on (`fromSite`) deletes them as of its own time.
 */
export async function purgeWithin(
  db: Database,
  now: number,
  options: { meter: QueryMeter; reserve?: number; fromSite?: number },
): Promise<PurgeProgress> {
  const { meter, reserve = 0, fromSite = 0 } = options;
  const reports: PurgeReport[] = [];
  if (!meter.allows(START_QUERIES, reserve)) return { reports, resumeAt: fromSite };
  let applied = true;
  await applyDueRetentionChanges(db, now, undefined, (cost) => {
    applied &&= meter.allows(cost + 1, reserve);
    return applied;
  });
  if (!applied) return { reports, resumeAt: fromSite };
  for (const site of await sitesWithExpired(db, now, fromSite)) {
    if (!meter.allows(SITE_QUERIES + STEP_QUERIES, reserve)) return { reports, resumeAt: site.id };
    const decisionDays = await decisionReachDays(db, site.id, now);
    const cutoff = now - Math.max(site.retentionDays, decisionDays) * DAY_MS;
    let deleted = 0;
    const report = () => {
      if (deleted > 0)
        reports.push({ site: site.key, cutoff: new Date(cutoff).toISOString(), deleted });
    };
    for (;;) {
      if (!meter.allows(STEP_QUERIES, reserve)) {
        report();
        return { reports, resumeAt: site.id };
      }
      const n = await purgeStep(db, site, { at: cutoff, decisionDays }, now);
      deleted += n;
      if (n < PURGE_STEP) break;
    }
    report();
  }
  return { reports, resumeAt: null };
}

/** Options of a day's retention run. */
export interface RetentionRunOptions {
  /** Who runs it, as recorded in `job_runs`. */
  runner: string;
  log?: (line: string) => void;
  /**
   * The invocation's queries (the Worker's Cron Trigger; none on Node): a run that would go past
   * them stops, records where (`job_runs`, `retention.unfinished`), and `continueRetention` goes
   * on with it at the next event.
   */
  meter?: QueryMeter;
}

/** Queries the end of a run takes: unused wordings and ended throttle windows, or where it stopped. */
const RUN_END_QUERIES = 2;

/**
 * The day's retention job, as each runtime's scheduler runs it (the Node entry's
 * `schedulePurge`, the Worker's Cron Trigger): claims the UTC day of `at` in `job_runs`, so one
 * instance runs it, purges as of `at` (logging a line per site), deletes the SDK's standard
 * wordings no receipt names any more (`purgeUnusedWordings`), then forgets ended sign-in
 * throttle windows. Within `meter`, it may stop part-way: see `RetentionRunOptions.meter`.
 * @returns what was purged, or `null` when the day was already claimed
 */
export async function runDailyRetention(
  db: Database,
  at: number,
  options: RetentionRunOptions,
): Promise<PurgeReport[] | null> {
  const day = new Date(at).toISOString().slice(0, 10);
  if (!(await claimRun(db, "retention", day, options.runner, at))) return null;
  return retentionRun(db, at, { day, fromSite: 0 }, options);
}

/**
 * Goes on with today's (UTC, as of `at`) retention run where it stopped at its invocation's
 * budget (`runDailyRetention` with a `meter`), as of `at`, and ends it as that run would have;
 * it may stop again, and the next call goes on. A run of an earlier day is dropped: that day is
 * over, and today's run purges all it would have. The Worker calls it every minute.
 * @returns what was purged, or `null` when no run of today waits
 */
export async function continueRetention(
  db: Database,
  at: number,
  options: RetentionRunOptions,
): Promise<PurgeReport[] | null> {
  const day = new Date(at).toISOString().slice(0, 10);
  const unfinished = await takeUnfinished(db, "retention");
  if (unfinished?.period !== day) return null;
  return retentionRun(db, at, { day, fromSite: Number(unfinished.resume) }, options);
}

async function retentionRun(
  db: Database,
  at: number,
  from: { day: string; fromSite: number },
  options: RetentionRunOptions,
): Promise<PurgeReport[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const meter = options.meter ?? unmetered();
  const run = await purgeWithin(db, at, { meter, reserve: RUN_END_QUERIES, ...from });
  for (const r of run.reports)
    log(`[assent] retention: deleted ${r.deleted} receipts of ${r.site} before ${r.cutoff}`);
  if (run.resumeAt !== null) {
    const resume = String(run.resumeAt);
    await leaveUnfinished(db, "retention", { period: from.day, resume }, options.runner, at);
    log(
      `[assent] retention: stopped at this run's ${meter.limit} queries, before the rest of site id ${resume}; the next scheduled run goes on`,
    );
    return run.reports;
  }
  for (const hash of await purgeUnusedWordings(db, at))
    log(`[assent] retention: deleted the standard wording ${hash}, which no receipt names`);
  await new SignInThrottle(db).prune(at);
  return run.reports;
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
