import { type Database, jobRuns } from "@assent/db";

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
