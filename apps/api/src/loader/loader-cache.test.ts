import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { demoConfig } from "../seed";
import { publishConfig } from "../sites";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe("published config cache", () => {
  it("serves page views without reading the database", async () => {
    expect((await t.app.request("/s/demo.js")).status).toBe(200);
    const reads = vi.spyOn(t.client, "execute");
    for (let i = 0; i < 20; i++) {
      expect((await t.app.request("/s/demo.js")).status).toBe(200);
      expect((await t.app.request("/v1/sites/demo/config")).status).toBe(200);
    }
    expect(reads).not.toHaveBeenCalled();
  });

  it("shows a newly published version at once, with a new hash that receipts may then use", async () => {
    await t.app.request("/s/demo.js");
    const next = await publishConfig(
      t.db,
      1,
      { ...demoConfig(), policyVersion: "2026-12" },
      { now: Date.now() },
    );
    const res = await t.app.request("/v1/sites/demo/config");
    expect(await res.json()).toMatchObject({ version: 2, hash: next.hash });
    const receipt = t.receipt({ configHash: next.hash, policyVersion: "2026-12" });
    expect((await t.post("/v1/receipts", receipt)).status).toBe(201);
    // The version shown earlier stays valid for receipts: published versions are immutable.
    expect((await t.post("/v1/receipts", t.receipt())).status).toBe(201);
  });
});
