import { type Database, jobRuns } from "@assent/db";
import { eq } from "drizzle-orm";

/**
 * Claims a periodic job's run for one period (e.g. `retention` for `2026-12-02`): true for the
 * one caller whose claim is stored first, false for every other instance sharing the database.
 */
export async function claimRun(
  db: Database,
  job: string,
  period: string,
  runner: string,
  now: number,
): Promise<boolean> {
  const claimed = await db
    .insert(jobRuns)
    .values({ job, period, runner, startedAt: now })
    .onConflictDoNothing()
    .returning({ job: jobRuns.job });
  return claimed.length === 1;
}

/** The job that records a run which stopped before its end (`retention` -> `retention.unfinished`). */
const unfinishedJob = (job: string) => `${job}.unfinished`;

/**
 * Records that `job`'s run for `period` stopped before its end (its invocation's budget ran out)
 * and where the next run goes on (`resume`, e.g. a site id): a `job_runs` row of the job
 * `JOB.unfinished`, period `PERIOD/RESUME`, kept until a run takes it (`takeUnfinished`).
 */
export async function leaveUnfinished(
  db: Database,
  job: string,
  at: { period: string; resume: string },
  runner: string,
  now: number,
): Promise<void> {
  const row = { runner, startedAt: now };
  await db
    .insert(jobRuns)
    .values({ job: unfinishedJob(job), period: `${at.period}/${at.resume}`, ...row })
    .onConflictDoUpdate({ target: [jobRuns.job, jobRuns.period], set: row });
}

/**
 * Takes `job`'s unfinished runs (`leaveUnfinished`): the one caller whose delete removes them
 * goes on, so two instances never go on with the same run. Returns where the latest one stopped.
 */
export async function takeUnfinished(
  db: Database,
  job: string,
): Promise<{ period: string; resume: string } | null> {
  const taken = await db
    .delete(jobRuns)
    .where(eq(jobRuns.job, unfinishedJob(job)))
    .returning({ period: jobRuns.period });
  const latest = taken
    .map((r) => r.period)
    .sort()
    .at(-1);
  if (!latest) return null;
  const cut = latest.lastIndexOf("/");
  return { period: latest.slice(0, cut), resume: latest.slice(cut + 1) };
}
