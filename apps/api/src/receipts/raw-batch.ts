import type { Database } from "@assent/db";
import { type SQL, sql } from "drizzle-orm";
import type { Statement } from "./receipt-statements";

/** Plain SQL through drizzle: an atomic batch, and a query returning row arrays. */
export interface RawSql {
  batch(statements: Statement[]): Promise<void>;
  rows(statement: Statement): Promise<unknown[][]>;
}

/** A statement as drizzle SQL: each `?` of its text bound to the next of its arguments. */
function toSql({ sql: text, args }: Statement): SQL {
  const parts = text.split("?");
  if (parts.length !== args.length + 1) {
    throw new Error(
      `a statement with ${parts.length - 1} placeholders got ${args.length} arguments`,
    );
  }
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    chunks.push(sql.raw(part));
    if (i < args.length) chunks.push(sql`${args[i]}`);
  });
  return sql.join(chunks);
}

/**
 * Runs prepared SQL text (the receipt writer's multi-row statements) on any driver through the
 * database's own `batch`, one transaction: every statement commits, or none.
 */
export function rawSql(db: Database): RawSql {
  return {
    batch: async (statements) => {
      const [first, ...rest] = statements.map((s) => db.run(toSql(s)));
      if (first) await db.batch([first, ...rest]);
    },
    rows: async (s) => (await db.values<unknown[]>(toSql(s))).map((row) => Array.from(row)),
  };
}
