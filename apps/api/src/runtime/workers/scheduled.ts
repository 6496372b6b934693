import { type D1Like, openD1 } from "@assent/db/d1";
import { type PurgeReport, runDailyRetention } from "../../retention";

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
 * Runs the day's retention job (`runDailyRetention`, as the Node entry's `schedulePurge` does)
 * as of the event's `scheduledTime`: the receipts past their site's retention are deleted, each
 * site that lost any gets its `retention.purge` audit entry and a log line, and ended sign-in
 * throttle windows are forgotten; a second run the same UTC day does nothing. A failure is
 * logged and rethrown, so the invocation shows as failed in the Worker's cron events; batches
 * already deleted stay deleted and the next day's run picks up the rest.
 * @example ctx.waitUntil(purgeOnSchedule(env.DB, controller));
 * @returns what was purged, or `null` when the day's run had already been done
 */
export async function purgeOnSchedule(
  binding: D1Like,
  event: CronEvent,
  log: (line: string) => void = (line) => console.log(line),
): Promise<PurgeReport[] | null> {
  try {
    const { db } = await openD1(binding);
    return await runDailyRetention(db, event.scheduledTime, { runner: `cron ${event.cron}`, log });
  } catch (err) {
    console.error(`[assent] retention purge failed (cron ${event.cron})`, err);
    throw err;
  }
}
