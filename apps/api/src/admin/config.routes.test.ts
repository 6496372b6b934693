import { warningRules } from "@assent/core";
import { auditLog, isUniqueViolation, siteConfigDrafts, siteConfigs } from "@assent/db";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { latestConfig, publishConfig } from "../sites";
import { overTheNetwork } from "../test-support/over-the-network";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

/**
 * Saves a draft that differs from every published version by a service, whatever its policy;
 * returns the publish body that acknowledges its compliance warnings.
 */
async function saveDraft(a: Awaited<ReturnType<typeof t.admin>>, policyVersion: string) {
  const { config } = t.config;
  const res = await a.request("PUT", "/v1/admin/sites/demo/config/draft", {
    ...config,
    policyVersion,
    services: [...config.services, { id: "vimeo", category: "embeds" }],
  });
  expect(res.status).toBe(200);
  return { acknowledge: warningRules((await res.json()).findings) };
}

/** Why a test's bump asks visitors again though nothing they see changed. */
const REASON = "Our privacy policy changed";

describe("publishing", () => {
  it("publishes racing publications one after another, each following the version it read, and refuses the rest with CONFIG_CHANGED", async () => {
    const a = await t.admin();
    const acknowledged = await saveDraft(a, "2");
    overTheNetwork(t.client);
    // All three read version 1 and then write: published blindly, the later ones would undo
    // the earlier (a bump re-publishes the version it read, the draft's new service gone).
    const answers = await Promise.all([
      a.request("POST", "/v1/admin/sites/demo/config/publish", acknowledged),
      // Bumps that change nothing visitors see say why they ask again.
      a.request("POST", "/v1/admin/sites/demo/config/bump", { policyVersion: "8", reason: REASON }),
      a.request("POST", "/v1/admin/sites/demo/config/bump", { policyVersion: "9", reason: REASON }),
    ]);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    console.log(
      "RACE",
      JSON.stringify(bodies.map((b) => [b.version, b.config?.policyVersion, b.error?.code])),
    );
    const won = bodies.filter((_, i) => answers[i]?.status === 201);
    expect(won.length).toBeGreaterThan(0);
    answers.forEach((r, i) => {
      if (r.status !== 201) {
        expect(r.status).toBe(409);
        expect(bodies[i].error.code).toBe("CONFIG_CHANGED");
      }
    });
    const stored = await t.db
      .select()
      .from(siteConfigs)
      .where(eq(siteConfigs.siteId, 1))
      .orderBy(siteConfigs.version);
    expect(stored.map((r) => r.version)).toEqual(
      Array.from({ length: won.length + 1 }, (_, i) => i + 1),
    );
    // Only what was answered 201 was published and audited.
    const audited = await t.db.select().from(auditLog);
    const published = audited
      .filter((e) => e.action === "config.publish" || e.action === "config.bump-policy")
      .map((e) => ({ action: e.action, ...JSON.parse(e.detail ?? "{}") }));
    expect(published.map((d) => d.version).sort()).toEqual(won.map((v) => v.version).sort());
    for (const v of won) {
      expect(published).toContainEqual(
        expect.objectContaining({ version: v.version, hash: v.hash }),
      );
    }
    // Each bump changed the version just before it, and its audit entry says so truly.
    for (const entry of published.filter((d) => d.action === "config.bump-policy")) {
      const before = JSON.parse(stored[entry.version - 2]?.config ?? "{}");
      const after = JSON.parse(stored[entry.version - 1]?.config ?? "{}");
      expect(entry.from).toBe(before.policyVersion);
      expect(after).toEqual({ ...before, policyVersion: entry.to });
    }
  });

  it("refuses a publication that follows a version no longer the latest, publishing nothing", async () => {
    const a = await t.admin();
    const acknowledged = await saveDraft(a, "2");
    const stale = await latestConfig(t.db, 1);
    // Another admin bumps the policy version after this request read version 1.
    expect(
      (
        await a.request("POST", "/v1/admin/sites/demo/config/bump", {
          policyVersion: "8",
          reason: REASON,
        })
      ).status,
    ).toBe(201);
    const auditedBefore = (await t.db.select().from(auditLog)).length;
    const late = publishConfig(
      t.db,
      1,
      { ...(stale?.config ?? t.config.config), policyVersion: "9" },
      {
        now: Date.now(),
        after: stale?.version ?? 0,
        alongside: () => [
          t.db
            .insert(auditLog)
            .values({ at: Date.now(), action: "config.bump-policy", target: "demo" }),
        ],
      },
    );
    await expect(late).rejects.toSatisfy(isUniqueViolation);
    const stored = await t.db.select().from(siteConfigs).where(eq(siteConfigs.siteId, 1));
    expect(stored.map((r) => r.version).sort()).toEqual([1, 2]);
    expect((await t.db.select().from(auditLog)).length).toBe(auditedBefore);
    // The draft still publishes, after version 2.
    const res = await a.request("POST", "/v1/admin/sites/demo/config/publish", acknowledged);
    expect(res.status).toBe(201);
    expect((await res.json()).version).toBe(3);
  });

  it("re-publishes on a bump the version completed from today's catalogue: cookies a withdrawal clears", async () => {
    const a = await t.admin();
    const { config } = t.config;
    // A version stored before the catalogue's cookies could not be dropped.
    const services = [
      ...config.services.filter((s) => s.id !== "meta-pixel"),
      { id: "meta-pixel", category: "marketing", cookies: [] },
    ];
    await publishConfig(t.db, 1, { ...config, services }, { now: Date.now() });
    const stored = await latestConfig(t.db, 1);
    expect(stored?.config.services.find((s) => s.id === "meta-pixel")?.cookies).toEqual([]);
    const res = await a.request("POST", "/v1/admin/sites/demo/config/bump", {
      policyVersion: "8",
      reason: REASON,
    });
    expect(res.status).toBe(201);
    const bumped = await latestConfig(t.db, 1);
    const pixel = bumped?.config.services.find((s) => s.id === "meta-pixel");
    expect(pixel?.cookies?.map((c) => c.name)).toEqual(["_fbp", "_fbc"]);
    expect(bumped?.hash).toBe((await res.json()).hash);
  });

  it("publishes nothing and keeps the draft when its audit entry cannot be written", async () => {
    const a = await t.admin();
    const acknowledged = await saveDraft(a, "2");
    await t.client.execute(
      `CREATE TRIGGER refuse_publish_audit BEFORE INSERT ON audit_log
       WHEN NEW.action IN ('config.publish', 'config.bump-policy')
       BEGIN SELECT RAISE(ABORT, 'audit refused'); END`,
    );
    expect(
      (await a.request("POST", "/v1/admin/sites/demo/config/publish", acknowledged)).status,
    ).toBe(500);
    const bump = await a.request("POST", "/v1/admin/sites/demo/config/bump", {
      policyVersion: "3",
      reason: REASON,
    });
    expect(bump.status).toBe(500);

    const stored = await t.db.select().from(siteConfigs);
    expect(stored.map((r) => r.version)).toEqual([1]);
    const [draft] = await t.db.select().from(siteConfigDrafts);
    expect(JSON.parse(draft?.config ?? "{}").policyVersion).toBe("2");
    const loader = await (await t.app.request("/s/demo.js")).text();
    expect(loader).toContain(t.config.hash);
  });
});

describe("publishing checks the configuration again", () => {
  it("refuses to publish a draft saved before a guard existed, or to bump an unlawful version", async () => {
    const a = await t.admin();
    const unlawful = {
      ...t.config.config,
      categories: t.config.config.categories.map((c) =>
        c.id === "analytics" ? { ...c, required: true } : c,
      ),
    };
    // Rows as an older server wrote them, past today's schema.
    await t.db
      .insert(siteConfigDrafts)
      .values({ siteId: 1, config: JSON.stringify(unlawful), updatedAt: Date.now() });
    const publish = await a.request("POST", "/v1/admin/sites/demo/config/publish");
    expect(publish.status).toBe(422);
    const body = await publish.json();
    expect(body.error.code).toBe("CONFIG_NOT_PUBLISHABLE");
    expect(body.error.message).toMatch(/required-only-necessary/);

    await t.db
      .update(siteConfigs)
      .set({ config: JSON.stringify(unlawful) })
      .where(eq(siteConfigs.siteId, 1));
    const bump = await a.request("POST", "/v1/admin/sites/demo/config/bump", {});
    expect(bump.status).toBe(422);
    const versions = await t.db.select().from(siteConfigs).where(eq(siteConfigs.siteId, 1));
    expect(versions).toHaveLength(1);
  });
});
