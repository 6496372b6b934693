import { migrations } from "./migrations.gen";

/** What a driver must offer to apply migrations. */
export interface MigrationExecutor {
  /** Runs a read query and returns its rows as arrays. */
  query(sql: string): Promise<unknown[][]>;
  /** Runs statements atomically: all or none. */
  batch(statements: string[]): Promise<void>;
}

const TABLE = "__assent_migrations";

/**
 * Applies every committed migration not yet applied, each in one atomic batch with its bookkeeping
 * row. Safe to call at every start.
 * @returns the tags applied by this call
 */
export async function applyMigrations(executor: MigrationExecutor): Promise<string[]> {
  await executor.batch([
    `CREATE TABLE IF NOT EXISTS ${TABLE} (tag TEXT PRIMARY KEY NOT NULL, applied_at INTEGER NOT NULL)`,
  ]);
  const rows = await executor.query(`SELECT tag FROM ${TABLE}`);
  const done = new Set(rows.map((row) => String(row[0])));
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.tag)) continue;
    const tag = migration.tag.replace(/'/g, "''");
    await executor.batch([
      ...migration.statements,
      `INSERT INTO ${TABLE} (tag, applied_at) VALUES ('${tag}', ${Date.now()})`,
    ]);
    applied.push(migration.tag);
  }
  return applied;
}
