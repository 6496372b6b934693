import type { ReceiptFilter } from "@assent/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";
import { receiptBatchQuery } from "./receipt-query";
import { statsQueries } from "./stats.routes";

/**
 * Every admin read must be an index lookup: SQLite's plan may SEARCH tables through an index, but
 * never SCAN a table or sort a whole result (a "TEMP B-TREE FOR ORDER BY" over all matching rows).
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  for (const method of ["accept-all", "reject-all", "custom"] as const) {
    for (let i = 0; i < 5; i++) await t.post("/v1/receipts", t.receipt({ method }));
  }
});
afterAll(async () => t.close());

async function plan(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string[]> {
  const { sql, params } = query.toSQL();
  const result = await t.client.execute({
    sql: `EXPLAIN QUERY PLAN ${sql}`,
    args: params as never[],
  });
  return result.rows.map((r) => String(r.detail));
}

function expectIndexLookups(lines: string[]): void {
  if (process.env.SHOW_PLANS) console.log(lines.join("\n"));
  for (const line of lines) {
    expect(line).not.toMatch(/^SCAN (receipts|receipt_categories|daily_\w+|audit_log)\b/);
    expect(line).not.toMatch(/^USE TEMP B-TREE FOR ORDER BY/);
  }
  expect(lines.some((l) => /^SEARCH /.test(l))).toBe(true);
}

const filters: Array<[string, Partial<ReceiptFilter>]> = [
  ["no filter", {}],
  ["a time range", { from: 1, to: Date.now() }],
  ["a method", { method: "custom" }],
  ["a policy version and range", { policyVersion: "1", from: 1 }],
  ["a subject", { subject: "A".repeat(22) }],
  ["a receipt id", { id: "01890a5d-ac96-774b-bcce-b302099a8057" }],
  ["a category decision", { granted: ["analytics"] }],
  [
    "two category decisions and a method",
    { granted: ["analytics"], denied: ["marketing"], method: "custom" },
  ],
  ["a category decision and a subject", { denied: ["marketing"], subject: "A".repeat(22) }],
  ["a country", { jurisdiction: "GB" }],
  ["a subdivision and a rule", { jurisdiction: "US-CA", rule: "us-states" }],
];

describe("query plans", () => {
  it.each(filters)("pages receipts by %s through an index", async (_name, filter) => {
    for (const order of ["desc", "asc"] as const) {
      const built = receiptBatchQuery(t.db, 1, { site: "demo", ...filter } as ReceiptFilter, {
        limit: 51,
        after: { serverTime: Date.now(), id: "01890a5d-ac96-774b-bcce-b302099a8057" },
        order,
      });
      expectIndexLookups(await plan(built.query));
    }
  });

  it("reads statistics from the rollups' primary keys", async () => {
    const q = statsQueries(t.db, 1, 20_000, 20_090);
    expectIndexLookups(await plan(q.methods));
    expectIndexLookups(await plan(q.categories));
    expectIndexLookups(await plan(q.places));
  });

  it("finds a subject's receipts through receipts_site_subject", async () => {
    const filter = { site: "demo", subject: "A".repeat(22) } as ReceiptFilter;
    const built = receiptBatchQuery(t.db, 1, filter, { limit: 10_000, order: "asc" });
    const lines = await plan(built.query);
    expect(lines.join("\n")).toMatch(/receipts_site_subject/);
    expectIndexLookups(lines);
  });

  it.each([
    ["method", { method: "withdraw" }, "receipts_site_method"],
    ["policyVersion", { policyVersion: "1" }, "receipts_site_policy"],
  ] as const)("walks the %s index rather than the whole site", async (_n, filter, index) => {
    const built = receiptBatchQuery(t.db, 1, { site: "demo", ...filter } as ReceiptFilter, {
      limit: 51,
      order: "desc",
    });
    expect((await plan(built.query)).join("\n")).toContain(index);
  });
});
