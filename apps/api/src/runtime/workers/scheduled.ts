import type { Database } from "@assent/db";
import { type D1Like, openD1 } from "@assent/db/d1";
import { type InvocationBudget, QueryMeter } from "../../limits";
import { continueRetention, type PurgeReport, runDailyRetention } from "../../retention";
import { deriveKeyring, type SigningSecrets } from "../../signing";
import { type IntegrationReport, integrate } from "../../transparency";
import { submitToWitnesses } from "../../witness";
import { D1_BUDGET, meteredD1 } from "./d1-budget";

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
/**
 * Passes per cron event: up to 20 x 500 receipts a minute, as the event's queries allow (a pass
 * writing one site takes 15); a larger backlog takes more minutes.
 */
const D1_PASSES_PER_EVENT = 20;

/**
 * Shares of a minute event's queries (`InvocationBudget.queries`): the log's integration may use
 * half; the witnesses' submissions then leave a quarter, for a day's retention run that stopped
 * at its budget to go on with.
 */
const INTEGRATION_SHARE = 0.5;
const AFTER_WITNESSES_SHARE = 0.25;

/** One scheduled run's database, over a D1 binding counted against the invocation's budget. */
async function meteredDatabase(
  binding: D1Like,
  budget: InvocationBudget,
): Promise<{ db: Database; meter: QueryMeter }> {
  const meter = new QueryMeter(budget.queries);
  const { db } = await openD1(meteredD1(binding, meter));
  return { db, meter };
}

/** What a minute event did. */
export interface MinuteReport {
  integration: IntegrationReport;
  /** What a retention run that went on purged, or `null` when none waited. */
  retention: PurgeReport[] | null;
}

/**
 * The minute's jobs, one after the other on one database counted against the invocation's
 * queries (`budget`): integrates the receipts and published configs stored since the last event
 * into their sites' logs and signs their new checkpoints (`integrate`, half the queries at
 * most); submits the new checkpoints to the sites' witnesses (`submitToWitnesses`; a witness
 * down, or past the budget, waits for the next minute); goes on with today's retention run if
 * it stopped at its budget (`continueRetention`). Each job's failure is logged and the others
 * still run; then the first is rethrown, so the invocation shows as failed. Nothing of a failed
 * integration pass was stored, and the next minute retries it.
 * @example ctx.waitUntil(runMinuteJobs(env.DB, { publicUrl, secrets }, controller));
 */
export async function runMinuteJobs(
  binding: D1Like,
  config: { publicUrl: string; secrets: SigningSecrets },
  event: CronEvent,
  budget: InvocationBudget = D1_BUDGET,
): Promise<MinuteReport> {
  const now = () => event.scheduledTime;
  let db: Database;
  let meter: QueryMeter;
  let integration: IntegrationReport;
  try {
    ({ db, meter } = await meteredDatabase(binding, budget));
    integration = await integrate(db, {
      publicOrigin: () => config.publicUrl,
      keyring: await deriveKeyring(config.secrets),
      maxReceipts: D1_RECEIPTS_PER_PASS,
      maxPasses: D1_PASSES_PER_EVENT,
      meter,
      reserve: Math.ceil(budget.queries * (1 - INTEGRATION_SHARE)),
      now,
    });
  } catch (err) {
    console.error(`[assent] log integration failed (cron ${event.cron})`, err);
    throw err;
  }
  const failures: unknown[] = [];
  const reserve = Math.ceil(budget.queries * AFTER_WITNESSES_SHARE);
  await submitToWitnesses(db, { now, meter, reserve }).catch((err: unknown) => {
    console.error(`[assent] witness submission failed (cron ${event.cron})`, err);
    failures.push(err);
  });
  const retention = await continueRetention(db, event.scheduledTime, {
    runner: `cron ${event.cron}`,
    meter,
  }).catch((err: unknown) => {
    console.error(`[assent] retention purge failed (cron ${event.cron})`, err);
    failures.push(err);
    return null;
  });
  if (failures.length > 0) throw failures[0];
  return { integration, retention };
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
 * throttle windows are forgotten; a second run the same UTC day does nothing. Within the
 * invocation's queries (`budget`): a run that would go past them stops after a whole step,
 * records the site it stopped at (`job_runs`, `retention.unfinished`), logs it, and the next
 * minute's event goes on with it (`runMinuteJobs`), until it ends. A failure is logged and
 * rethrown, so the invocation shows as failed in the Worker's cron events; batches already
 * deleted stay deleted and the next day's run picks up the rest.
 * @example ctx.waitUntil(purgeOnSchedule(env.DB, controller));
 * @returns what was purged, or `null` when the day's run had already been done
 */
export async function purgeOnSchedule(
  binding: D1Like,
  event: CronEvent,
  log: (line: string) => void = (line) => console.log(line),
  budget: InvocationBudget = D1_BUDGET,
): Promise<PurgeReport[] | null> {
  try {
    const { db, meter } = await meteredDatabase(binding, budget);
    const runner = `cron ${event.cron}`;
    return await runDailyRetention(db, event.scheduledTime, { runner, log, meter });
  } catch (err) {
    console.error(`[assent] retention purge failed (cron ${event.cron})`, err);
    throw err;
  }
}
