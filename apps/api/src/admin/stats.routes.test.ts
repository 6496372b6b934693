import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let now = 0;
beforeEach(async () => {
  now = Date.UTC(2026, 2, 1, 10);
  t = await createTestApp({ now: () => now });
});
afterEach(async () => t.close());

describe("GET /v1/admin/stats", () => {
  it("serves the daily figures the rollups hold, matching the receipts stored", async () => {
    const post = async (at: number, overrides: Parameters<typeof t.receipt>[0]) => {
      now = at;
      expect((await t.post("/v1/receipts", t.receipt(overrides))).status).toBe(201);
    };
    const day1 = Date.UTC(2026, 2, 1, 10);
    const day3 = Date.UTC(2026, 2, 3, 23, 59);
    await post(day1, { method: "accept-all" });
    await post(day1 + 1000, { method: "accept-all" });
    const choice = (analytics: boolean) => t.decision({ categories: { analytics } });
    await post(day1 + 2000, { method: "reject-all", decision: choice(false) });
    await post(day3, { method: "custom", decision: choice(true) });
    await post(day3 + 1000, { method: "custom", decision: choice(false) });
    const a = await t.admin();
    const res = await a.get("/v1/admin/stats?site=demo&from=2026-03-01&to=2026-03-03");
    expect(res.status).toBe(200);
    const s = await res.json();
    expect(s.days.map((d: { date: string; total: number }) => [d.date, d.total])).toEqual([
      ["2026-03-01", 3],
      ["2026-03-02", 0],
      ["2026-03-03", 2],
    ]);
    expect(s.days[0].methods).toMatchObject({ "accept-all": 2, "reject-all": 1, custom: 0 });
    expect(s.days[0].categories.analytics).toEqual({ granted: 2, denied: 1, optInRate: 2 / 3 });
    expect(s.days[2].categories.analytics.optInRate).toBe(0.5);
    expect(s.totals.categories.analytics).toEqual({ granted: 3, denied: 2, optInRate: 0.6 });
    expect(s.totals.categories.necessary.optInRate).toBe(1);
    expect(Object.keys(s.byPolicyVersion)).toEqual(["1"]);

    const one = await (
      await a.get("/v1/admin/stats?site=demo&from=2026-03-03&to=2026-03-03")
    ).json();
    expect(one.totals.total).toBe(2);
    const other = await a.get(
      "/v1/admin/stats?site=demo&from=2026-03-01&to=2026-03-03&policyVersion=2",
    );
    expect((await other.json()).totals.total).toBe(0);
  });

  const bad: Array<[string, string]> = [
    ["no range", "site=demo"],
    ["from after to", "site=demo&from=2026-03-02&to=2026-03-01"],
    ["a range over 400 days", "site=demo&from=2025-01-01&to=2026-03-01"],
    ["a date-time instead of a date", "site=demo&from=2026-03-01T00:00:00Z&to=2026-03-02"],
    ["an impossible date", "site=demo&from=2026-13-01&to=2026-13-02"],
  ];
  it.each(bad)("answers %s with 400", async (_name, q) => {
    const a = await t.admin();
    const res = await a.get(`/v1/admin/stats?${q}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("INVALID_QUERY");
  });
});
