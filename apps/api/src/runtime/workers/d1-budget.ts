import type { D1Like } from "@assent/db/d1";
import { type InvocationBudget, MAX_RECEIPT_ROW_BYTES, type QueryMeter } from "../../limits";

/**
 * Queries one Worker invocation may make on D1 with Workers Paid ("Queries per Worker
 * invocation", developers.cloudflare.com/d1/platform/limits; 50 on Workers Free, which this
 * Worker does not fit: its first start alone applies more). The one place this number is set:
 * the Worker's budget (`D1_BUDGET`) and the test harness's limit read it.
 */
export const D1_QUERIES_PER_INVOCATION = 1000;

/**
 * Bytes of receipt rows one D1 query reads at most: under half D1's 50 MB result limit, so the
 * rows and what the Worker makes of them fit its 128 MB of memory together.
 */
const D1_RESULT_BYTES = 24 * 1024 * 1024;

/**
 * The Worker's budget per invocation (a request with its streamed body, a Cron Trigger's run):
 * D1's queries; 2,048 receipts a query (`D1_RESULT_BYTES` over the largest row the API stores);
 * 100,000 receipts an export response, which serialises in a few seconds of the 30 s of CPU
 * time an invocation has by default (ISO/IEC TS 27560 records, the costliest, take tens of
 * microseconds each).
 */
export const D1_BUDGET: InvocationBudget = {
  queries: D1_QUERIES_PER_INVOCATION,
  receiptRowsPerQuery: Math.floor(D1_RESULT_BYTES / MAX_RECEIPT_ROW_BYTES),
  exportRows: 100_000,
};

/**
 * `D1_BUDGET`, or lower where a test says so: the test-only binding `ASSENT_TEST_D1_BUDGET`
 * (JSON with any of `queries`, `receiptRowsPerQuery`, `exportRows`) lets a test drive each path
 * past its budget with a few hundred receipts; the harness (`worker-on-workerd.ts`) enforces
 * the same `queries`. It can only lower the budget.
 */
export function workerBudget(testOverride?: string): InvocationBudget {
  if (!testOverride) return D1_BUDGET;
  const asked = JSON.parse(testOverride) as Partial<InvocationBudget>;
  const lower = (key: keyof InvocationBudget) => {
    const value = asked[key];
    return typeof value === "number" && value >= 1
      ? Math.min(value, D1_BUDGET[key])
      : D1_BUDGET[key];
  };
  return {
    queries: lower("queries"),
    receiptRowsPerQuery: lower("receiptRowsPerQuery"),
    exportRows: lower("exportRows"),
  };
}

type Statement = ReturnType<D1Like["prepare"]>;

/**
 * The D1 binding with every query it sends counted on `meter`: a statement run (`all`, `raw`,
 * `run`, `first`) is one, a `batch` one per statement. A scheduled run opens its database over
 * this, so its jobs can see what they have left (`meter.allows`).
 */
export function meteredD1(binding: D1Like, meter: QueryMeter): D1Like {
  const real = new WeakMap<object, Statement>();
  const statement = (stmt: Statement): Statement => {
    const wrapped = new Proxy(stmt, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (typeof value !== "function") return value;
        if (prop === "bind") return (...args: unknown[]) => statement(value.apply(target, args));
        if (prop === "all" || prop === "raw" || prop === "run" || prop === "first") {
          return (...args: unknown[]) => {
            meter.count(1);
            return value.apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
    real.set(wrapped, stmt);
    return wrapped;
  };
  return {
    prepare: (sql) => statement(binding.prepare(sql)),
    batch: (statements) => {
      meter.count(statements.length);
      return binding.batch(statements.map((s) => real.get(s as object) ?? s));
    },
  };
}
