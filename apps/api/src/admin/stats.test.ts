import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateStats, type CategoryRow, type MethodRow } from "./stats";

const D = 20_460; // 2026-01-07

describe("aggregateStats", () => {
  it("sums methods and computes opt-in rates per day, per policy version and overall", () => {
    const methods: MethodRow[] = [
      { day: D, policyVersion: "1", method: "accept-all", count: 6 },
      { day: D, policyVersion: "1", method: "reject-all", count: 3 },
      { day: D, policyVersion: "2", method: "custom", count: 1 },
      { day: D + 2, policyVersion: "2", method: "accept-all", count: 4 },
      { day: D + 2, policyVersion: "2", method: "withdraw", count: 1 },
    ];
    const categories: CategoryRow[] = [
      { day: D, policyVersion: "1", category: "analytics", granted: 6, denied: 3 },
      { day: D, policyVersion: "2", category: "analytics", granted: 1, denied: 0 },
      { day: D + 2, policyVersion: "2", category: "analytics", granted: 4, denied: 1 },
      { day: D + 2, policyVersion: "2", category: "marketing", granted: 0, denied: 5 },
    ];
    const s = aggregateStats("demo", D, D + 2, methods, categories);
    expect(s.from).toBe("2026-01-07");
    expect(s.to).toBe("2026-01-09");
    expect(s.days.map((d) => [d.date, d.total])).toEqual([
      ["2026-01-07", 10],
      ["2026-01-08", 0],
      ["2026-01-09", 5],
    ]);
    expect(s.totals.total).toBe(15);
    expect(s.totals.methods).toEqual({
      "accept-all": 10,
      "reject-all": 3,
      custom: 1,
      withdraw: 1,
      gpc: 0,
      api: 0,
      object: 0,
      "opt-out": 0,
    });
    expect(s.totals.categories.analytics).toEqual({ granted: 11, denied: 4, optInRate: 11 / 15 });
    expect(s.totals.categories.marketing).toEqual({ granted: 0, denied: 5, optInRate: 0 });
    expect(s.byPolicyVersion["1"]?.categories.analytics?.optInRate).toBeCloseTo(6 / 9);
    expect(s.byPolicyVersion["2"]?.total).toBe(6);
    expect(s.days[0]?.byPolicyVersion["2"]?.methods.custom).toBe(1);
    expect(s.days[1]?.categories).toEqual({});
  });

  it("keeps totals equal to the sum of the days and of the versions, whatever the rows", () => {
    const row = fc.record({
      day: fc.integer({ min: D, max: D + 9 }),
      policyVersion: fc.constantFrom("1", "2", "3"),
      method: fc.constantFrom("accept-all", "reject-all", "custom", "gpc"),
      count: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const s = aggregateStats("demo", D, D + 9, rows, []);
        const sum = rows.reduce((n, r) => n + r.count, 0);
        expect(s.totals.total).toBe(sum);
        expect(s.days.reduce((n, d) => n + d.total, 0)).toBe(sum);
        expect(Object.values(s.byPolicyVersion).reduce((n, b) => n + b.total, 0)).toBe(sum);
        expect(Object.values(s.totals.methods).reduce((n, c) => n + c, 0)).toBe(sum);
      }),
    );
  });

  it("counts methods by place and rule over the whole range", () => {
    const s = aggregateStats(
      "demo",
      D,
      D + 1,
      [],
      [],
      [
        { jurisdiction: "US-CA", ruleId: "us-states", method: "accept-all", count: 3 },
        { jurisdiction: "US-CA", ruleId: "us-states", method: "opt-out", count: 1 },
        { jurisdiction: "GB", ruleId: "uk", method: "object", count: 2 },
        { jurisdiction: "", ruleId: "", method: "reject-all", count: 4 },
      ],
    );
    expect(s.byJurisdiction?.["US-CA"]).toMatchObject({
      total: 4,
      methods: { "accept-all": 3, "opt-out": 1 },
    });
    expect(s.byJurisdiction?.unknown?.methods["reject-all"]).toBe(4);
    expect(s.byRule?.uk?.methods.object).toBe(2);
    expect(s.byRule?.none?.total).toBe(4);
  });
});
