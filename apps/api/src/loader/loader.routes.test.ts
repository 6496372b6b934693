import type { LoaderBoot } from "@assent/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bootIn } from "../test-support/loader-boot";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe("GET /s/:siteKey.js", () => {
  it("serves the loader with the published config inlined", async () => {
    const res = await t.app.request("http://localhost:8787/s/demo.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/javascript/);
    const body = await res.text();
    const boot = bootIn(body) as LoaderBoot;
    expect(boot.config.siteKey).toBe("demo");
    expect(boot.configHash).toBe(t.config.hash);
    expect(boot.api).toBe("http://localhost:8787");
    expect(boot.ui).toBe("http://localhost:8787/sdk/ui-test.js");
    expect(body.endsWith("/* loader */")).toBe(true);
    // Nothing before the boot: every byte is downloaded on every page view.
    expect(body.startsWith("window.__assent_boot=")).toBe(true);
  });

  it("inlines what gates and clears, leaving the services' descriptions to the config route", async () => {
    const boot = async (path: string) =>
      bootIn(await (await t.app.request(path)).text()) as LoaderBoot;
    const plain = await boot("/s/demo.js");
    const published = await (await t.app.request("/v1/sites/demo/config")).json();
    const full = published.config.services.find((s: { id: string }) => s.id === "google-analytics");
    expect(full).toMatchObject({ name: "Google Analytics", provider: "Google" });
    const ga = plain.config.services.find((s: { id: string }) => s.id === "google-analytics");
    // Its storage keys are an empty list, left out (see loader-config.test.ts).
    expect(full.storage).toEqual([]);
    expect(ga).toEqual({
      id: "google-analytics",
      category: "analytics",
      // By name: a cookie's lifetime is the preference centre's, from the published config.
      cookies: full.cookies.map(({ name }: { name: string }) => ({ name })),
      purposes: full.purposes,
      consentModeKeys: full.consentModeKeys,
    });
    // The receipts name the published config, which the SDK fetches and checks by this hash.
    expect(plain.configHash).toBe(published.hash);
    // Everything else as published, but the banner's looks left at core's defaults.
    const { ui: _looks, ...rest } = published.config;
    expect({ ...plain.config, services: [] }).toEqual({ ...rest, services: [] });
    // Auto-blocking reads where each service loads from.
    const blocking = await boot("/s/demo.js?autoblock");
    const hosts = blocking.config.services.find((s: { id: string }) => s.id === "google-analytics");
    expect(hosts?.hosts).toEqual(full.hosts);
    expect(hosts?.purpose).toBeUndefined();
  });

  it("composes auto-blocking before the loader only for ?autoblock", async () => {
    const plain = await t.app.request("/s/demo.js");
    expect(await plain.text()).not.toContain("/* autoblock */");
    const res = await t.app.request("/s/demo.js?autoblock");
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toMatch(/^window\.__assent_boot=.*;\n\/\* autoblock \*\/\n\/\* loader \*\/$/);
    expect(res.headers.get("ETag")).not.toBe(plain.headers.get("ETag"));
  });

  it("is cacheable and answers 304 to a matching If-None-Match", async () => {
    const first = await t.app.request("/s/demo.js");
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get("Cache-Control")).toMatch(/max-age=\d+/);
    const second = await t.app.request("/s/demo.js", { headers: { "If-None-Match": etag ?? "" } });
    expect(second.status).toBe(304);
    // `*` matches any representation; another tag matches none.
    for (const path of ["/s/demo.js", "/v1/sites/demo/config"]) {
      const any = await t.app.request(path, { headers: { "If-None-Match": " * " } });
      expect(any.status, path).toBe(304);
      const other = await t.app.request(path, { headers: { "If-None-Match": '"other"' } });
      expect(other.status, path).toBe(200);
    }
  });

  it("answers an unknown site with a JSON 404", async () => {
    for (const path of ["/s/nope.js", "/s/NOT%20A%20KEY.js", "/s/x.js"]) {
      const res = await t.app.request(path);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("SITE_NOT_FOUND");
    }
  });

  it("has one name per loader: without `.js` it is not found", async () => {
    for (const path of ["/s/demo", "/s/demo.jsx", "/s/demo.json"]) {
      const res = await t.app.request(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect((await res.json()).error.code).toBe("NOT_FOUND");
    }
  });

  it("cannot be made to break out of the script with config texts", async () => {
    const res = await t.app.request("/s/demo.js");
    expect(await res.text()).not.toMatch(/<\/script/i);
  });
});

describe("GET /v1/sites/:key/config", () => {
  it("serves the published config as JSON with its hash", async () => {
    const res = await t.app.request("/v1/sites/demo/config");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.hash).toBe(t.config.hash);
    expect(body.config.categories[0].id).toBe("necessary");
  });
});

describe("unknown routes", () => {
  it("get the JSON error shape", async () => {
    const res = await t.app.request("/v1/nothing-here");
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("NOT_FOUND");
  });
});
