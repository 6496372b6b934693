import { type D1Like, openD1 } from "@assent/db/d1";
import { type PurgeReport, purgeExpiredReceipts } from "../../retention";

/**
 * The Cron Trigger of the retention purge, as `wrangler.jsonc` declares it: daily at 03:17 UTC
 * (night in Europe, where most consent traffic comes from, and off the full hour, when most
 * schedules fire).
 */
export const PURGE_CRON = "17 3 * * *";

/** What a Cron Trigger hands the Worker (the parts of `ScheduledController` used here). */
export interface CronEvent {
  cron: string;
  /** When the event was due, ms since epoch. */
  scheduledTime: number;
}

/**
 * Deletes the receipts past their site's retention as of the event's `scheduledTime`, as the
 * Node entry's `schedulePurge` does, with the same log line per site; each site that lost any
 * gets its `retention.purge` audit entry from `purgeExpiredReceipts`. A failure is logged and
 * rethrown, so the invocation shows as failed in the Worker's cron events; batches already
 * deleted stay deleted and the next run picks up the rest.
 * @example ctx.waitUntil(purgeOnSchedule(env.DB, controller));
 */
export async function purgeOnSchedule(
  binding: D1Like,
  event: CronEvent,
  log: (line: string) => void = (line) => console.log(line),
): Promise<PurgeReport[]> {
  try {
    const { db } = await openD1(binding);
    const reports = await purgeExpiredReceipts(db, event.scheduledTime);
    for (const r of reports) {
      log(`[assent] retention: deleted ${r.deleted} receipts of ${r.site} before ${r.cutoff}`);
    }
    return reports;
  } catch (err) {
    console.error(`[assent] retention purge failed (cron ${event.cron})`, err);
    throw err;
  }
}
