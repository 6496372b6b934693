import { entityKind } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { type DatabaseHandle, openDatabase } from "../database";

/** The parts of a Cloudflare D1 binding this driver uses. */
export interface D1Like {
  prepare(sql: string): { all(): Promise<{ results: unknown[] }>; raw(): Promise<unknown[][]> };
  batch(statements: unknown[]): Promise<unknown[]>;
}

/** A batch item as drizzle's D1 session reads it. */
interface BatchedQuery {
  constructor: { [entityKind]?: string };
  getQuery(): { sql: string };
  stmt?: unknown;
}

/**
 * Drizzle's D1 batch binds each item's prepared statement, but a plain-SQL item (`db.run(sql)`)
 * has none when it carries parameters (drizzle-orm#2277): prepare it here, as drizzle does for
 * the query builders.
 */
function prepareSqlItems(binding: D1Like, items: readonly unknown[]): void {
  for (const item of items as BatchedQuery[]) {
    if (item.constructor[entityKind] === "SQLiteRaw" && !item.stmt) {
      item.stmt = binding.prepare(item.getQuery().sql);
    }
  }
}

/**
 * Opens a Cloudflare D1 binding and applies pending migrations.
 * @example const { db } = await openD1(env.DB);
 */
export function openD1(binding: D1Like): Promise<DatabaseHandle> {
  return openDatabase({
    driver: "d1",
    drizzle: (config) => {
      // biome-ignore lint/suspicious/noExplicitAny: D1's binding type lives in @cloudflare/workers-types.
      const db = drizzle(binding as any, config);
      const batch = db.batch.bind(db);
      db.batch = ((items) => {
        prepareSqlItems(binding, items);
        return batch(items);
      }) as typeof db.batch;
      return db;
    },
    migrations: {
      query: (sql) => binding.prepare(sql).raw(),
      async batch(statements) {
        await binding.batch(statements.map((s) => binding.prepare(s)));
      },
    },
    close: async () => {},
  });
}
