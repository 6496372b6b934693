import { BODY_LIMITS } from "./json-body";

/**
 * What one invocation of the API may do (a request with its streamed body, or one scheduled
 * run), as its runtime limits it: a strategy each runtime gives the app (`deps.budget`, and the
 * `QueryMeter` its scheduled jobs get). Node sets no limit (`NO_INVOCATION_LIMITS`); the Worker
 * gives D1's (`runtime/workers/d1-budget.ts`). Paths whose work grows with the data plan within
 * it: an export ends with a continuation marker rather than run out, the retention purge and
 * the transparency log's integration stop and go on at the next event.
 */
export interface InvocationBudget {
  /** Database queries one invocation may make, each statement of a batch counted as one. */
  queries: number;
  /**
   * Receipt rows one query may read: what the largest receipt the API stores
   * (`MAX_RECEIPT_ROW_BYTES`) allows within the database's result-size limit.
   */
  receiptRowsPerQuery: number;
  /** Receipts one export response may carry before it continues (the invocation's CPU time). */
  exportRows: number;
}

/** Node's: no limit per invocation; exports read 1,000 receipts a query. */
export const NO_INVOCATION_LIMITS: InvocationBudget = {
  queries: Number.POSITIVE_INFINITY,
  receiptRowsPerQuery: 1000,
  exportRows: Number.POSITIVE_INFINITY,
};

/**
 * The most bytes a stored receipt row can take: the receipt as sent (`BODY_LIMITS.receipt`, 8 KiB)
 * and what the server adds (user agent up to 512 characters, address, country, rule, signature,
 * digest, key id, time stamps), rounded up, with room for the escaping of its JSON text in a
 * query's result.
 */
export const MAX_RECEIPT_ROW_BYTES = BODY_LIMITS.receipt + 4 * 1024;

/**
 * Counts the queries of one invocation against its budget. The Worker hands one to each
 * scheduled run, over a D1 binding that counts what it sends (`meteredD1`); a job asks
 * `allows(cost)` before each step and stops, recording how far it got, when the next step would
 * not fit. `unmetered()` never says no (Node, tests).
 */
export class QueryMeter {
  used = 0;
  constructor(readonly limit: number) {}

  /** Counts `n` queries made. */
  count(n: number): void {
    this.used += n;
  }

  /** Queries still allowed. */
  remaining(): number {
    return this.limit - this.used;
  }

  /** Whether `cost` more queries fit, leaving `reserve` for what must still run after them. */
  allows(cost: number, reserve = 0): boolean {
    return this.remaining() - reserve >= cost;
  }
}

/** A meter without a limit. */
export const unmetered = (): QueryMeter => new QueryMeter(Number.POSITIVE_INFINITY);

/**
 * Runs `run` for each item, `concurrency` at a time, starting one only while `meter` allows
 * `perItem` queries for it and for each one still running (less `reserve`). Without a meter, all
 * start at once. Returns how many were left for a later run.
 */
export async function forEachWithin<T>(
  items: readonly T[],
  limits: { meter?: QueryMeter; reserve?: number; perItem: number; concurrency: number },
  run: (item: T) => Promise<void>,
): Promise<number> {
  const { meter, reserve = 0, perItem } = limits;
  const queue = [...items];
  let running = 0;
  let left = 0;
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      if (meter && !meter.allows(perItem * (running + 1), reserve)) {
        left += queue.length + 1;
        queue.length = 0;
        return;
      }
      running++;
      try {
        await run(item);
      } finally {
        running--;
      }
    }
  };
  const workers = meter ? Math.min(limits.concurrency, queue.length) : queue.length;
  await Promise.all(Array.from({ length: workers }, worker));
  return left;
}
