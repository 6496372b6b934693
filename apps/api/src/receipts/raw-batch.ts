import type { Database } from "@assent/db";
import type { Statement } from "./receipt-statements";

interface LibsqlClient {
  batch(stmts: Statement[], mode: "write"): Promise<unknown>;
  execute(stmt: Statement): Promise<{ rows: ArrayLike<unknown>[] }>;
}

interface D1Binding {
  prepare(sql: string): {
    bind(...args: unknown[]): { raw(): Promise<unknown[][]> };
  };
  batch(stmts: unknown[]): Promise<unknown>;
}

/** Plain SQL on the driver under drizzle: an atomic batch, and a query returning row arrays. */
export interface RawSql {
  batch(statements: Statement[]): Promise<void>;
  rows(statement: Statement): Promise<unknown[][]>;
}

/**
 * Reaches the client under drizzle (`$client`: a libSQL client or a D1 binding) to run plain
 * SQL. Both run a batch as one transaction: all statements commit, or none.
 */
export function rawSql(db: Database): RawSql {
  const client = (db as unknown as { $client?: unknown }).$client as
    | Partial<LibsqlClient & D1Binding>
    | undefined;
  if (client?.execute && client.batch) {
    const libsql = client as LibsqlClient;
    return {
      batch: async (statements) => {
        if (statements.length > 0) await libsql.batch(statements, "write");
      },
      rows: async (s) => (await libsql.execute(s)).rows.map((row) => Array.from(row)),
    };
  }
  if (client?.prepare && client.batch) {
    const d1 = client as D1Binding;
    return {
      batch: async (statements) => {
        if (statements.length === 0) return;
        await d1.batch(statements.map((s) => d1.prepare(s.sql).bind(...s.args)));
      },
      rows: (s) =>
        d1
          .prepare(s.sql)
          .bind(...s.args)
          .raw(),
    };
  }
  throw new Error("unsupported database driver: expected a libSQL client or a D1 binding");
}
