import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { applyMigrations, type MigrationExecutor } from "./migrate";
import * as schema from "./schema";

/**
 * The drizzle database every driver produces; the API is written against this type only.
 * `batch([...])` runs its statements as one transaction on every driver (libSQL and D1 alike):
 * all of them commit, or none. Several writes that must succeed together go in one batch.
 */
export type Database = BaseSQLiteDatabase<"async", unknown, typeof schema> & {
  batch<U extends BatchItem<"sqlite">, T extends Readonly<[U, ...U[]]>>(
    batch: T,
  ): Promise<BatchResponse<T>>;
};

/** An open database: the drizzle handle and a way to close the underlying client. */
export interface DatabaseHandle {
  db: Database;
  /** Short name of the driver: `libsql-file`, `libsql-memory`, `libsql-remote` or `d1`. */
  driver: string;
  close(): Promise<void>;
}

/** What a driver entry chooses: its client, drizzle's adapter over it, and how it runs SQL. */
export interface DriverEntry {
  driver: string;
  /** Drizzle's adapter over the client (`drizzle-orm/libsql`, `drizzle-orm/d1`). */
  drizzle(config: { schema: typeof schema }): { batch: Database["batch"] };
  /** Plain SQL on the client, for the committed migrations. */
  migrations: MigrationExecutor;
  close(): Promise<void>;
}

/**
 * The one construction every driver goes through: applies pending migrations on the client, then
 * builds drizzle over it with the schema.
 */
export async function openDatabase(entry: DriverEntry): Promise<DatabaseHandle> {
  await applyMigrations(entry.migrations);
  const db = entry.drizzle({ schema }) as unknown as Database;
  return { db, driver: entry.driver, close: entry.close };
}
