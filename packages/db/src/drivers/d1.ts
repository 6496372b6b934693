import { drizzle } from "drizzle-orm/d1";
import type { Database, DatabaseHandle } from "../database";
import { applyMigrations } from "../migrate";
import * as schema from "../schema";

/** The parts of a Cloudflare D1 binding this driver uses. */
export interface D1Like {
  prepare(sql: string): { all(): Promise<{ results: unknown[] }>; raw(): Promise<unknown[][]> };
  batch(statements: unknown[]): Promise<unknown[]>;
}

/**
 * Opens a Cloudflare D1 binding and applies pending migrations.
 * @example const { db } = await openD1(env.DB);
 */
export async function openD1(binding: D1Like): Promise<DatabaseHandle> {
  await applyMigrations({
    query: (sql) => binding.prepare(sql).raw(),
    async batch(statements) {
      await binding.batch(statements.map((s) => binding.prepare(s)));
    },
  });
  // biome-ignore lint/suspicious/noExplicitAny: D1's binding type lives in @cloudflare/workers-types.
  const db = drizzle(binding as any, { schema }) as unknown as Database;
  return { db, driver: "d1", close: async () => {} };
}
