import { migrations } from "./migrations.gen";

/** What a driver must offer to apply migrations. */
export interface MigrationExecutor {
  /** Runs a read query and returns its rows as arrays. */
  query(sql: string): Promise<unknown[][]>;
  /** Runs statements atomically: all or none. */
  batch(statements: string[]): Promise<void>;
}

const TABLE = "__assent_migrations";

/** The tags of the migrations applied so far. */
async function appliedTags(executor: MigrationExecutor): Promise<Set<string>> {
  const rows = await executor.query(`SELECT tag FROM ${TABLE}`);
  return new Set(rows.map((row) => String(row[0])));
}

/**
 * Applies every committed migration not yet applied, each in one atomic batch with its bookkeeping
 * row. Safe to call at every start, and from several starts at once (instances sharing a file,
 * a Worker's concurrent first requests): a batch that fails because another start applied the
 * same migration meanwhile is that migration done; any other failure is thrown.
 * @returns the tags applied by this call
 */
export async function applyMigrations(executor: MigrationExecutor): Promise<string[]> {
  await executor.batch([
    `CREATE TABLE IF NOT EXISTS ${TABLE} (tag TEXT PRIMARY KEY NOT NULL, applied_at INTEGER NOT NULL)`,
  ]);
  const done = await appliedTags(executor);
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.tag)) continue;
    const tag = migration.tag.replace(/'/g, "''");
    try {
      await executor.batch([
        ...migration.statements,
        `INSERT INTO ${TABLE} (tag, applied_at) VALUES ('${tag}', ${Date.now()})`,
      ]);
    } catch (err) {
      if ((await appliedTags(executor)).has(migration.tag)) continue;
      throw err;
    }
    applied.push(migration.tag);
  }
  return applied;
}
