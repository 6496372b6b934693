import { auditLog, siteConfigDrafts, siteConfigs } from "@assent/db";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const base = "/v1/admin/sites/demo/config";

/** The demo's configuration with a warning of each kind an owner meets first. */
const warned = () => ({
  ...t.config.config,
  privacyPolicyUrl: "/privacy.html",
  cookiePolicyUrl: undefined,
  expiry: { acceptedDays: 182, rejectedDays: 182 },
  ui: { theme: "auto", position: "bar", floatingButton: false },
  services: [{ id: "youtube", category: "embeds" }],
});
const WARNED = ["privacy-policy-placeholder", "withdraw-page-link-only"];

interface Finding {
  severity: string;
  rule: string;
  field: string;
  why: string;
  guidance: string;
}

async function published() {
  return t.db.select().from(siteConfigs).where(eq(siteConfigs.siteId, 1));
}

describe("compliance findings", () => {
  it("answers a saved draft with what the linter finds, each with its guidance", async () => {
    const a = await t.admin();
    const res = await a.request("PUT", `${base}/draft`, {
      ...warned(),
      texts: { fr: { rejectAll: "Continuer" } },
    });
    expect(res.status).toBe(200);
    const { findings } = (await res.json()) as { findings: Finding[] };
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.field}`)).toEqual([
      "error reject-label-means-accept texts.fr.rejectAll",
      "warning withdraw-page-link-only ui.floatingButton",
      "warning privacy-policy-placeholder privacyPolicyUrl",
    ]);
    for (const f of findings) expect(f.guidance).toMatch(/^https:\/\/(www\.edpb|ico\.org\.uk)/);
    // The state read later says the same.
    const state = await (await a.get(base)).json();
    expect(state.findings).toEqual(findings);
  });

  it("refuses to publish while the linter finds errors, and changes nothing", async () => {
    const a = await t.admin();
    await a.request("PUT", `${base}/draft`, {
      ...warned(),
      texts: { en: { description: "By continuing to use this site you consent to cookies." } },
    });
    const res = await a.request("POST", `${base}/publish`, { acknowledge: WARNED });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("COMPLIANCE_ERRORS");
    expect(error.message).toContain("[consent-by-continuing] texts.en.description");
    expect((await published()).map((r) => r.version)).toEqual([1]);
    expect(await t.db.select().from(siteConfigDrafts)).toHaveLength(1);
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.action, "config.publish"));
    expect(audited).toEqual([]);
  });

  it("publishes warnings only with the owner's acknowledgement of exactly them, and records it", async () => {
    const a = await t.admin();
    await a.request("PUT", `${base}/draft`, warned());
    for (const body of [
      undefined,
      { acknowledge: [WARNED[0]] },
      { acknowledge: [...WARNED, "advanced-consent-mode"] },
    ]) {
      const refused = await a.request("POST", `${base}/publish`, body);
      expect(refused.status).toBe(422);
      expect((await refused.json()).error.code).toBe("ACKNOWLEDGEMENT_REQUIRED");
    }
    expect((await published()).map((r) => r.version)).toEqual([1]);
    const bad = await a.request("POST", `${base}/publish`, { acknowledge: ["not-a-rule"] });
    expect(bad.status).toBe(400);

    const res = await a.request("POST", `${base}/publish`, { acknowledge: [...WARNED].reverse() });
    expect(res.status).toBe(201);
    const version = await res.json();
    expect(version).toMatchObject({ version: 2, acknowledged: [...WARNED].sort() });
    const record = await (await a.get(`${base}/versions/2`)).json();
    expect(record.acknowledged).toEqual([...WARNED].sort());
    const listed = await (await a.get(`${base}/versions`)).json();
    expect(listed.versions.map((v: { acknowledged: string[] }) => v.acknowledged)).toEqual([
      [...WARNED].sort(),
      [],
    ]);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "config.publish"));
    expect(JSON.parse(entry?.detail ?? "{}")).toMatchObject({
      version: 2,
      acknowledged: [...WARNED].sort(),
    });
  });

  it("publishes a configuration with no warnings without a body", async () => {
    const a = await t.admin();
    const clean = {
      ...warned(),
      privacyPolicyUrl: "https://www.assent.test/privacy",
      ui: { theme: "auto", position: "bar", floatingButton: true },
    };
    const saved = await (await a.request("PUT", `${base}/draft`, clean)).json();
    expect(saved.findings).toEqual([]);
    const res = await a.request("POST", `${base}/publish`);
    expect(res.status).toBe(201);
    expect((await res.json()).acknowledged).toEqual([]);
  });

  it("bumps the policy version with the acknowledgement of the version it re-publishes, and asks again when the warnings changed", async () => {
    const a = await t.admin();
    await a.request("PUT", `${base}/draft`, warned());
    expect((await a.request("POST", `${base}/publish`, { acknowledge: WARNED })).status).toBe(201);

    const bumped = await a.request("POST", `${base}/bump`, {});
    expect(bumped.status).toBe(201);
    expect(await bumped.json()).toMatchObject({ version: 3, acknowledged: [...WARNED].sort() });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "config.bump-policy"));
    expect(JSON.parse(entry?.detail ?? "{}")).toMatchObject({ acknowledged: [...WARNED].sort() });

    // An acknowledgement that no longer matches today's warnings is refused, and nothing changes.
    await t.db
      .update(siteConfigs)
      .set({ acknowledged: JSON.stringify([WARNED[0]]) })
      .where(eq(siteConfigs.version, 3));
    const refused = await a.request("POST", `${base}/bump`, {});
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.code).toBe("ACKNOWLEDGEMENT_REQUIRED");
    expect((await published()).map((r) => r.version)).toEqual([1, 2, 3]);
    // The version it re-publishes began with the last bump, just now: it says why it asks again.
    const again = await a.request("POST", `${base}/bump`, {
      acknowledge: WARNED,
      reason: "Our privacy policy changed",
    });
    expect(again.status).toBe(201);
    expect(await again.json()).toMatchObject({ version: 4, acknowledged: [...WARNED].sort() });
  });
});
