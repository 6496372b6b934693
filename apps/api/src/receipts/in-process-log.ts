import { type Database, MAX_BOUND_PARAMS } from "@assent/db";
import type { AppendLog } from "./append-log";
import { rawSql } from "./raw-batch";
import { appendStatements } from "./receipt-statements";
import { signEntries, signedWrites } from "./sign-entries";

/**
 * The log on the app's own database connection: signs on this thread, then appends with one
 * `db.batch` of multi-row INSERTs, at most `maxParams` bound parameters each
 * (`MAX_BOUND_PARAMS`, D1's 100, by default; a libSQL connection takes up to 32,766).
 * @example const log = inProcessLog(db, { maxParams: 30_000 });
 */
export function inProcessLog(db: Database, options: { maxParams?: number } = {}): AppendLog {
  const raw = rawSql(db);
  const maxParams = options.maxParams ?? MAX_BOUND_PARAMS;
  return {
    append: async (entries) => {
      const proofs = await signEntries(entries);
      await raw.batch(appendStatements(signedWrites(entries, proofs), maxParams));
      return proofs;
    },
  };
}
