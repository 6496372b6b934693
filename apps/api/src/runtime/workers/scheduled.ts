import { type D1Like, openD1 } from "@assent/db/d1";
import { type PurgeReport, runDailyRetention } from "../../retention";
import { deriveKeyring, type SigningSecrets } from "../../signing";
import { type IntegrationReport, integrate } from "../../transparency";

/**
 * The Cron Trigger of the retention purge, as `wrangler.jsonc` declares it: daily at 03:17 UTC
 * (night in Europe, where most consent traffic comes from, and off the full hour, when most
 * schedules fire).
 */
export const PURGE_CRON = "17 3 * * *";

/**
 * The Cron Trigger of the transparency log's integration, every minute: D1 has no long-lived
 * process to run Node's 250 ms loop in, and a minute is the finest a Cron Trigger fires, so on
 * the Worker a stored receipt is in a signed checkpoint within about a minute (`Retry-After: 60`
 * on `NOT_YET_LOGGED`).
 */
export const LOG_CRON = "* * * * *";

/** Receipts per pass on D1 (a pass's leaves go in one bound JSON parameter, kept under 100 KB). */
const D1_RECEIPTS_PER_PASS = 500;
/** Passes per cron event: up to 20 x 500 receipts a minute; a larger backlog takes more minutes. */
const D1_PASSES_PER_EVENT = 20;

/**
 * Integrates the receipts and published configs stored since the last event into their sites'
 * logs and signs their new checkpoints (`integrate`). A failure is logged and rethrown, so the
 * invocation shows as failed; nothing of a failed pass was stored and the next minute retries it.
 * @example ctx.waitUntil(integrateOnSchedule(env.DB, { publicUrl, secrets }, controller));
 */
export async function integrateOnSchedule(
  binding: D1Like,
  config: { publicUrl: string; secrets: SigningSecrets },
  event: CronEvent,
): Promise<IntegrationReport> {
  try {
    const { db } = await openD1(binding);
    return await integrate(db, {
      publicOrigin: () => config.publicUrl,
      keyring: await deriveKeyring(config.secrets),
      maxReceipts: D1_RECEIPTS_PER_PASS,
      maxPasses: D1_PASSES_PER_EVENT,
      now: () => event.scheduledTime,
    });
  } catch (err) {
    console.error(`[assent] log integration failed (cron ${event.cron})`, err);
    throw err;
  }
}

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
