import { acceptAll, decide, warningRules } from "@assent/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";
import { ukExemptConfig } from "../test-support/uk-exempt-config";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp({ clientIp: "127.0.0.1", trustProxy: { kind: "hops", hops: 1 } });
});
afterEach(async () => t.close());

/**
 * Publishes the preset rules with a UK-exempt category through the admin API, then posts one
 * receipt from each place (`[country, region, method]`); the receipts' ids by place.
 */
async function receiptsFrom(places: Array<[string, string | null, "accept-all" | "object"]>) {
  const a = await t.admin();
  const base = t.config.config;
  const draft = ukExemptConfig(base);
  const saved = await a.request("PUT", "/v1/admin/sites/demo/config/draft", draft);
  const acknowledge = warningRules((await saved.json()).findings);
  expect(
    (await a.request("POST", "/v1/admin/sites/demo/config/publish", { acknowledge })).status,
  ).toBe(201);
  const published = await (await t.app.request("/v1/sites/demo/config")).json();
  const ids: Record<string, string> = {};
  for (const [country, region, method] of places) {
    const input = t.receipt({
      configHash: published.hash,
      policyVersion: published.config.policyVersion,
      method,
      decision:
        method === "object"
          ? decide(published.config, { categories: { analytics: true } })
          : acceptAll(published.config),
    });
    const headers: Record<string, string> = { "X-Forwarded-For": "198.51.100.20" };
    headers["CF-IPCountry"] = country;
    if (region) headers["CF-Region-Code"] = region;
    expect((await t.post("/v1/receipts", input, headers)).status).toBe(201);
    ids[region ? `${country}-${region}` : country] = input.id;
  }
  return { a, ids, version: published.version as number };
}

const idsOf = async (res: Response) =>
  ((await res.json()) as { items: { id: string }[] }).items.map((r) => r.id).sort();

describe("records by jurisdiction and rule", () => {
  it("filter the listing by country, subdivision and rule", async () => {
    const { a, ids } = await receiptsFrom([
      ["FR", null, "accept-all"],
      ["US", "CA", "accept-all"],
      ["US", "TX", "accept-all"],
      ["GB", null, "object"],
    ]);
    const list = (query: string) => a.get(`/v1/admin/receipts?site=demo&${query}`);
    expect(await idsOf(await list("jurisdiction=US"))).toEqual([ids["US-CA"], ids["US-TX"]].sort());
    expect(await idsOf(await list("jurisdiction=US-CA"))).toEqual([ids["US-CA"]]);
    expect(await idsOf(await list("rule=us-states"))).toEqual([ids["US-CA"], ids["US-TX"]].sort());
    expect(await idsOf(await list("rule=uk&method=object"))).toEqual([ids.GB]);
    expect(await idsOf(await list("rule=eu-eea"))).toEqual([ids.FR]);
    const bad = await list("jurisdiction=California");
    expect(bad.status).toBe(400);
  });

  it("export the rule, the subdivision and the config version in ISO 27560 and CSV", async () => {
    const { a, ids, version } = await receiptsFrom([
      ["US", "CA", "accept-all"],
      ["GB", null, "object"],
    ]);
    const doc = await (await a.get("/v1/admin/exports?site=demo&format=iso27560")).json();
    const byId = Object.fromEntries(doc.records.map((r: { recordId: string }) => [r.recordId, r]));
    expect(byId[ids["US-CA"] as string]).toMatchObject({
      notice: { configVersion: version },
      collection: { jurisdiction: "US", subdivision: "US-CA", rule: "us-states" },
      event: [{ eventType: "given" }],
    });
    expect(byId[ids.GB as string]).toMatchObject({
      collection: { jurisdiction: "GB", subdivision: null, rule: "uk" },
      event: [{ eventType: "objected", method: "object" }],
      purposes: expect.arrayContaining([{ purpose: "statistics", consentStatus: "refused" }]),
    });
    const csv = await (
      await a.get("/v1/admin/exports?site=demo&format=csv&jurisdiction=US-CA")
    ).text();
    const [head, row] = csv.trim().split("\r\n");
    const cells = Object.fromEntries(
      (head ?? "").split(",").map((name, i) => [name, row?.split(",")[i]]),
    );
    expect(cells).toMatchObject({ subdivision: "US-CA", ruleId: "us-states" });
    expect(cells.configVersion).toBe(String(version));
  });
});

describe("statistics by jurisdiction", () => {
  it("count each method by place and by rule, from the rollups", async () => {
    const { a } = await receiptsFrom([
      ["FR", null, "accept-all"],
      ["US", "CA", "accept-all"],
      ["US", "CA", "accept-all"],
      ["GB", null, "object"],
      ["GB", null, "accept-all"],
    ]);
    const today = new Date().toISOString().slice(0, 10);
    const res = await a.get(`/v1/admin/stats?site=demo&from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    const stats = await res.json();
    expect(stats.byJurisdiction["US-CA"]).toMatchObject({ total: 2, methods: { "accept-all": 2 } });
    expect(stats.byJurisdiction.GB).toMatchObject({
      total: 2,
      methods: { object: 1, "accept-all": 1 },
    });
    expect(stats.byRule).toMatchObject({
      "eu-eea": { total: 1 },
      uk: { total: 2, methods: { object: 1 } },
      "us-states": { total: 2 },
    });
  });
});
