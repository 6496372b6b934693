import { warningRules } from "@assent/core";
import { auditLog, siteConfigs, sites } from "@assent/db";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe("sites", () => {
  it("lists the caller's sites with their role", async () => {
    await t.addSite("second");
    await t.addUser("owner@example.org", "viewer", "second");
    const a = await t.admin();
    const body = await (await a.get("/v1/admin/sites")).json();
    expect(body.sites).toEqual([
      { key: "demo", name: expect.any(String), role: "owner" },
      { key: "second", name: "Site second", role: "viewer" },
    ]);
  });

  it("creates a site with a published default config, its creator as owner, audited", async () => {
    const a = await t.admin();
    const res = await a.request("POST", "/v1/admin/sites", {
      key: "union-site",
      name: "The Union",
      allowedOrigins: ["https://union.example.org"],
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      key: "union-site",
      role: "owner",
      retentionDays: 2190,
      ipMode: "truncate",
      allowedOrigins: ["https://union.example.org"],
    });
    const config = await (await a.get("/v1/admin/sites/union-site/config")).json();
    expect(config.published).toMatchObject({ version: 1, policyVersion: "1" });
    expect((await t.app.request("/s/union-site.js")).status).toBe(200);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "site.create"));
    expect(entry?.target).toBe("union-site");
  });

  const badSites: Array<[string, unknown, number, string]> = [
    ["a taken key", { key: "demo", name: "Again" }, 409, "SITE_KEY_TAKEN"],
    ["a malformed key", { key: "Bad Key", name: "x" }, 400, "INVALID_BODY"],
    ["no name", { key: "fine-key" }, 400, "INVALID_BODY"],
    ["an unknown field", { key: "fine-key", name: "x", owner: 1 }, 400, "INVALID_BODY"],
    ["a bad origin", { key: "fine-key", name: "x", allowedOrigins: ["evil"] }, 400, "INVALID_BODY"],
    ["a retention of 0", { key: "fine-key", name: "x", retentionDays: 0 }, 400, "INVALID_BODY"],
    ["malformed JSON", "{", 400, "INVALID_JSON"],
  ];
  it.each(badSites)(
    "refuses creating a site with %s, and creates nothing",
    async (_n, body, status, code) => {
      const a = await t.admin();
      const res = await a.request("POST", "/v1/admin/sites", body);
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe(code);
      expect(await t.db.select().from(sites)).toHaveLength(1);
    },
  );

  it("declares a minimum retention at creation: six years, or the retention if shorter", async () => {
    const a = await t.admin();
    const create = (body: object) =>
      a.request("POST", "/v1/admin/sites", { key: "short-site", name: "Short", ...body });
    const refused = await create({ retentionDays: 400, minRetentionDays: 600 });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe("RETENTION_BELOW_MINIMUM");
    const made = await create({ retentionDays: 400 });
    expect(await made.json()).toMatchObject({ retentionDays: 400, minRetentionDays: 400 });
    const demo = await (await a.get("/v1/admin/sites/demo")).json();
    expect(demo).toMatchObject({ retentionDays: 2190, minRetentionDays: 2190 });
  });

  it("lets only owners of some site create sites", async () => {
    const viewer = await t.admin(await t.addUser("viewer@example.org", "viewer"));
    const res = await viewer.request("POST", "/v1/admin/sites", { key: "mine", name: "Mine" });
    expect(res.status).toBe(403);
    expect(await t.db.select().from(sites)).toHaveLength(1);
  });

  it("changes settings for admins, retention for owners only", async () => {
    const admin = await t.admin(await t.addUser("admin@example.org", "admin"));
    const ok = await admin.request("PATCH", "/v1/admin/sites/demo", {
      name: "Renamed",
      ipMode: "none",
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ name: "Renamed", ipMode: "none", role: "admin" });
    const stored = await t.post("/v1/receipts", t.receipt());
    expect((await stored.json()).ip).toBeNull();
    const retention = await admin.request("PATCH", "/v1/admin/sites/demo", { retentionDays: 3000 });
    expect(retention.status).toBe(403);
    const owner = await t.admin();
    const done = await owner.request("PATCH", "/v1/admin/sites/demo", { retentionDays: 2555 });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ retentionDays: 2555, scheduledRetention: null });
    expect((await owner.request("PATCH", "/v1/admin/sites/demo", {})).status).toBe(400);
    const viewer = await t.admin(await t.addUser("viewer@example.org", "viewer"));
    expect((await viewer.request("PATCH", "/v1/admin/sites/demo", { name: "v" })).status).toBe(403);
    expect((await viewer.get("/v1/admin/sites/demo")).status).toBe(200);
  });
});

describe("config versions", () => {
  const draft = (policyVersion = "1", extra: Record<string, unknown> = {}) => ({
    siteKey: "demo",
    policyVersion,
    privacyPolicyUrl: "/privacy",
    categories: [{ id: "necessary", required: true }, { id: "analytics" }],
    services: [{ id: "google-analytics", category: "analytics" }],
    ...extra,
  });

  it("saves a draft, publishes it as a new immutable version, and lists versions", async () => {
    const a = await t.admin(await t.addUser("admin@example.org", "admin"));
    const saved = await a.request("PUT", "/v1/admin/sites/demo/config/draft", draft());
    expect(saved.status).toBe(200);
    const state = await saved.json();
    expect(state.draft.config.categories).toHaveLength(2);
    expect(state.published.version).toBe(1);
    const before = await (await t.app.request("/s/demo.js")).text();
    expect(before).not.toContain(
      '"categories":[{"id":"necessary","required":true},{"id":"analytics"}]',
    );

    const pub = await a.request("POST", "/v1/admin/sites/demo/config/publish", {
      acknowledge: warningRules(state.findings),
    });
    expect(pub.status).toBe(201);
    const v2 = await pub.json();
    expect(v2).toMatchObject({ version: 2, policyVersion: "1", publishedBy: "admin@example.org" });
    expect(v2.hash).toMatch(/^[0-9a-f]{64}$/);
    const after = await (await a.get("/v1/admin/sites/demo/config")).json();
    expect(after.draft).toBeNull();

    const versions = await (await a.get("/v1/admin/sites/demo/config/versions")).json();
    expect(versions.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const byHash = await (await a.get(`/v1/admin/sites/demo/config/versions/${v2.hash}`)).json();
    expect(byHash.version).toBe(2);
    const v1 = await (await a.get("/v1/admin/sites/demo/config/versions/1")).json();
    expect(v1.hash).toBe(t.config.hash);
    const rows = await t.db.select().from(siteConfigs);
    expect(rows.find((r) => r.version === 1)?.hash).toBe(t.config.hash);
  });

  it("bumps the policy version into a new published version, carrying the draft along", async () => {
    const a = await t.admin();
    await a.request("PUT", "/v1/admin/sites/demo/config/draft", draft("1"));
    // Nothing visitors see changed: the bump says why it asks them again.
    const reason = "Our privacy policy changed";
    const res = await a.request("POST", "/v1/admin/sites/demo/config/bump", { reason });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ version: 2, policyVersion: "2" });
    const state = await (await a.get("/v1/admin/sites/demo/config")).json();
    expect(state.draft.config.policyVersion).toBe("2");
    const named = await a.request("POST", "/v1/admin/sites/demo/config/bump", {
      policyVersion: "2026-03",
      reason,
    });
    expect((await named.json()).policyVersion).toBe("2026-03");
    const loader = await (await t.app.request("/s/demo.js")).text();
    expect(loader).toContain('policyVersion:"2026-03"');
    const again = await a.request("POST", "/v1/admin/sites/demo/config/bump", {});
    expect(again.status).toBe(400);
    expect((await again.json()).error.code).toBe("POLICY_VERSION_REQUIRED");
    const same = await a.request("POST", "/v1/admin/sites/demo/config/bump", {
      policyVersion: "2026-03",
    });
    expect(same.status).toBe(409);
  });

  const badDrafts: Array<[string, unknown, string]> = [
    ["another site's key", draft("1", { siteKey: "other" }), "SITE_KEY_MISMATCH"],
    ["no necessary category", draft("1", { categories: [{ id: "analytics" }] }), "INVALID_BODY"],
    ["an unknown field", draft("1", { colour: "red" }), "INVALID_BODY"],
    ["a wrong type", draft("1", { services: "all" }), "INVALID_BODY"],
  ];
  it.each(badDrafts)("refuses a draft with %s, and saves nothing", async (_n, body, code) => {
    const a = await t.admin();
    const res = await a.request("PUT", "/v1/admin/sites/demo/config/draft", body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe(code);
    expect((await (await a.get("/v1/admin/sites/demo/config")).json()).draft).toBeNull();
  });

  it("refuses a draft that breaks a hard guard with a 400 naming the rule and the field", async () => {
    const a = await t.admin();
    const required = draft("1", {
      categories: [{ id: "necessary" }, { id: "analytics", required: true }],
    });
    const res = await a.request("PUT", "/v1/admin/sites/demo/config/draft", required);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({
      code: "INVALID_BODY",
      message:
        'categories.1.required: [required-only-necessary] only "necessary" can be always on; "analytics" must be a choice the visitor can refuse',
    });
    const noPolicy = await a.request("PUT", "/v1/admin/sites/demo/config/draft", {
      ...draft(),
      privacyPolicyUrl: undefined,
    });
    expect((await noPolicy.json()).error.message).toMatch(
      /^privacyPolicyUrl: \[privacy-policy-required\]/,
    );
    expect((await (await a.get("/v1/admin/sites/demo/config")).json()).draft).toBeNull();
  });

  it("refuses publishing without a draft or with nothing new, and viewers entirely", async () => {
    const a = await t.admin();
    expect((await a.request("POST", "/v1/admin/sites/demo/config/publish")).status).toBe(409);
    await a.request(
      "PUT",
      "/v1/admin/sites/demo/config/draft",
      (await (await a.get("/v1/admin/sites/demo/config")).json()).published.config,
    );
    const same = await a.request("POST", "/v1/admin/sites/demo/config/publish");
    expect((await same.json()).error.code).toBe("NOTHING_TO_PUBLISH");
    const viewer = await t.admin(await t.addUser("viewer@example.org", "viewer"));
    expect((await viewer.request("PUT", "/v1/admin/sites/demo/config/draft", draft())).status).toBe(
      403,
    );
    expect((await viewer.request("POST", "/v1/admin/sites/demo/config/bump", {})).status).toBe(403);
    expect((await viewer.get("/v1/admin/sites/demo/config/versions/99")).status).toBe(404);
    expect((await viewer.get("/v1/admin/sites/demo/config/versions/abc")).status).toBe(400);
    expect(await t.db.select().from(siteConfigs)).toHaveLength(1);
  });
});
