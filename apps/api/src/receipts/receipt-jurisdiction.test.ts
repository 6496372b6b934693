import {
  acceptAll,
  decide,
  type ReceiptJwks,
  type StoredReceipt,
  verifyReceipt,
  warningRules,
} from "@assent/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";
import { ukExemptConfig } from "../test-support/uk-exempt-config";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  // Behind one trusted proxy that sets the location headers.
  t = await createTestApp({ clientIp: "127.0.0.1", trustProxy: { kind: "hops", hops: 1 } });
});
afterEach(async () => t.close());

/** Publishes the demo's config with the preset rules and a UK-exempt category, via the admin API. */
async function publishRules() {
  const a = await t.admin();
  const base = t.config.config;
  const draft = ukExemptConfig(base);
  const saved = await a.request("PUT", "/v1/admin/sites/demo/config/draft", draft);
  expect(saved.status).toBe(200);
  const body = { acknowledge: warningRules((await saved.json()).findings) };
  const res = await a.request("POST", "/v1/admin/sites/demo/config/publish", body);
  expect(res.status).toBe(201);
  const published = await (await t.app.request("/v1/sites/demo/config")).json();
  return published as { version: number; hash: string; config: typeof t.config.config };
}

const jwks = async () => (await (await t.app.request("/v1/sites/demo/jwks")).json()) as ReceiptJwks;
const from = (location: Record<string, string>) => ({
  "X-Forwarded-For": "198.51.100.20",
  ...location,
});

describe("receipts under rules per region", () => {
  it("sign the subdivision, the rule the server chose and the config version", async () => {
    const published = await publishRules();
    const input = t.receipt({
      configHash: published.hash,
      policyVersion: published.config.policyVersion,
      decision: acceptAll(published.config),
    });
    const res = await t.post(
      "/v1/receipts",
      input,
      from({ "CF-IPCountry": "US", "CF-Region-Code": "CA" }),
    );
    expect(res.status).toBe(201);
    const stored = (await res.json()) as StoredReceipt;
    expect(stored).toMatchObject({
      jurisdiction: "US",
      subdivision: "US-CA",
      ruleId: "us-states",
      configVersion: published.version,
    });
    expect(await verifyReceipt(stored, await jwks())).toMatchObject({ valid: true });
    expect((await verifyReceipt({ ...stored, ruleId: "eu-eea" }, await jwks())).valid).toBe(false);
  });

  it("log an objection under the UK rule, and an unknown location under otherwise", async () => {
    const published = await publishRules();
    const objection = t.receipt({
      configHash: published.hash,
      policyVersion: published.config.policyVersion,
      method: "object",
      decision: decide(published.config, { categories: { analytics: true } }),
    });
    const uk = await t.post("/v1/receipts", objection, from({ "CF-IPCountry": "GB" }));
    expect(uk.status).toBe(201);
    const objected = (await uk.json()) as StoredReceipt;
    expect(objected).toMatchObject({ method: "object", jurisdiction: "GB", ruleId: "uk" });
    expect(objected.subdivision).toBeUndefined();
    const nowhere = t.receipt({
      configHash: published.hash,
      policyVersion: published.config.policyVersion,
      decision: acceptAll(published.config),
    });
    const res = await t.post("/v1/receipts", nowhere, from({}));
    expect(await res.json()).toMatchObject({ jurisdiction: null, ruleId: "elsewhere" });
  });

  it("never take the rule from the client", async () => {
    const published = await publishRules();
    const input = { ...t.receipt({ configHash: published.hash }), ruleId: "us-states" };
    const res = await t.post("/v1/receipts", input, from({ "CF-IPCountry": "FR" }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("INVALID_RECEIPT");
  });

  it("name no rule for a site without rules, and still the config version", async () => {
    const res = await t.post("/v1/receipts", t.receipt(), from({ "CF-IPCountry": "FR" }));
    const stored = (await res.json()) as StoredReceipt;
    expect(stored).toMatchObject({ jurisdiction: "FR", configVersion: t.config.version });
    expect(Object.keys(stored)).not.toContain("ruleId");
    expect(await verifyReceipt(stored, await jwks())).toMatchObject({ valid: true });
  });
});
