import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Which instance ran a periodic job for which period (e.g. the retention purge of one day): the
 * instance whose insert succeeds runs it, the others skip, so a job runs once however many
 * instances share the database.
 */
export const jobRuns = sqliteTable(
  "job_runs",
  {
    job: text("job").notNull(),
    period: text("period").notNull(),
    startedAt: integer("started_at").notNull(),
    /** Who ran it: host name and process id, for the operator. */
    runner: text("runner").notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.period] })],
);
