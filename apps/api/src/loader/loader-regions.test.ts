import { type LoaderBoot, presetJurisdictions, type SiteConfig, warningRules } from "@assent/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bootIn } from "../test-support/loader-boot";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  // The consent host behind a proxy on loopback, which sets the location headers.
  t = await createTestApp({ clientIp: "127.0.0.1", trustProxy: { kind: "hops", hops: 1 } });
});
afterEach(async () => t.close());

/** Publishes the demo's config with the preset rules through the admin API; its version. */
async function publishRules(patch: Partial<SiteConfig> = {}): Promise<number> {
  const a = await t.admin();
  const draft = { ...t.config.config, jurisdictions: presetJurisdictions(), ...patch };
  const saved = await a.request("PUT", "/v1/admin/sites/demo/config/draft", draft);
  expect(saved.status).toBe(200);
  const body = { acknowledge: warningRules((await saved.json()).findings) };
  const published = await a.request("POST", "/v1/admin/sites/demo/config/publish", body);
  expect(published.status).toBe(201);
  return ((await published.json()) as { version: number }).version;
}

const FR = { "cf-ipcountry": "FR" };
const CA = { "cf-ipcountry": "US", "cf-region-code": "CA" };
const get = (headers: Record<string, string> = {}) =>
  t.app.request("/s/demo.js", { headers: { "X-Forwarded-For": "203.0.113.9", ...headers } });
const bootOf = async (res: Response) => bootIn(await res.text()) as LoaderBoot;

/**
 * Whether a shared cache following RFC 9111 may store a response (section 3): never one marked
 * `private` or `no-store`; a `public` or `max-age` one otherwise.
 */
function sharedCacheMayStore(res: Response): boolean {
  const directives = (res.headers.get("Cache-Control") ?? "").toLowerCase().split(/\s*,\s*/);
  if (directives.some((d) => d === "private" || d.startsWith("private=") || d === "no-store"))
    return false;
  return directives.some(
    (d) => d === "public" || d.startsWith("max-age=") || d.startsWith("s-maxage="),
  );
}

describe("the loader of a site with rules per region", () => {
  it("carries the rule the server chose from the trusted location", async () => {
    await publishRules();
    expect((await bootOf(await get(FR))).rule).toEqual({
      id: "eu-eea",
      jurisdiction: "FR",
      model: "opt-in",
    });
    expect((await bootOf(await get({ "cf-ipcountry": "GB" }))).rule).toMatchObject({
      id: "uk",
      jurisdiction: "GB",
      model: "uk-exemptions",
    });
    expect((await bootOf(await get(CA))).rule).toMatchObject({
      id: "us-states",
      jurisdiction: "US-CA",
      model: "opt-out",
    });
    expect(
      (await bootOf(await get({ "cf-ipcountry": "US", "cf-region-code": "AL" }))).rule,
    ).toMatchObject({ id: "elsewhere", jurisdiction: "US-AL", model: "opt-in" });
    expect((await bootOf(await get())).rule).toMatchObject({
      id: "elsewhere",
      jurisdiction: null,
    });
  });

  it("carries only the visitor's rule, worked out: what runs before a choice, with and without GPC", async () => {
    await publishRules();
    const boot = await bootOf(await get(CA));
    // The other regions' rules stay on the server.
    expect(boot.config.jurisdictions).toBeUndefined();
    expect(boot.gpc).toBeUndefined();
    const { before, beforeGpc, consentMode, fallback } = boot.rule ?? {};
    expect(before?.categories).toMatchObject({ analytics: true, marketing: true });
    expect(beforeGpc?.categories).toMatchObject({ analytics: true, marketing: false });
    expect(beforeGpc?.services?.["meta-pixel"]).toBe(false);
    expect(consentMode?.region).toContain("US-CA");
    expect(consentMode?.state).toMatchObject({
      ad_storage: "granted",
      analytics_storage: "granted",
    });
    expect(fallback?.optOutHonoured).toBe("Opt-out request honoured");
    // The browser's Sec-GPC header speaks for it on such a loader, which varies on it.
    const gpc = await get({ ...CA, "Sec-GPC": "1" });
    expect((await bootOf(gpc)).gpc).toBe(true);
    expect(gpc.headers.get("Vary")).toContain("Sec-GPC");
  });

  it("is never cached for one region and served to another", async () => {
    await publishRules();
    const fr = await get(FR);
    const ca = await get(CA);
    for (const res of [fr, ca]) {
      // No shared cache may store it, whatever headers it keys on...
      expect(res.headers.get("Cache-Control")).toMatch(/^private, max-age=\d+/);
      expect(sharedCacheMayStore(res)).toBe(false);
      // ...and a cache that ignored that would still key it on every location header.
      const vary = (res.headers.get("Vary") ?? "").toLowerCase().split(/\s*,\s*/);
      for (const name of ["cf-ipcountry", "cf-region-code", "cloudfront-viewer-country"])
        expect(vary).toContain(name);
    }
    expect(await fr.clone().text()).not.toBe(await ca.clone().text());
    expect(fr.headers.get("ETag")).not.toBe(ca.headers.get("ETag"));
    // A browser revalidating its French copy from California gets California's loader.
    const moved = await get({ ...CA, "If-None-Match": fr.headers.get("ETag") ?? "" });
    expect(moved.status).toBe(200);
    expect((await bootOf(moved)).rule?.id).toBe("us-states");
    // A returning visitor in the same place revalidates for nothing (or reuses its own copy).
    const again = await get({ ...FR, "If-None-Match": fr.headers.get("ETag") ?? "" });
    expect(again.status).toBe(304);
    expect(again.headers.get("Cache-Control")).toMatch(/^private/);
  });

  it("never believes location headers when no proxy is trusted", async () => {
    await t.close();
    t = await createTestApp({ clientIp: "198.51.100.7" });
    await publishRules();
    expect((await bootOf(await get(CA))).rule).toMatchObject({
      id: "elsewhere",
      jurisdiction: null,
    });
  });
});

describe("the loader of a site without rules", () => {
  it("stays public and the same for every region, with no rule", async () => {
    const fr = await get(FR);
    const ca = await get(CA);
    expect(fr.headers.get("Cache-Control")).toMatch(/^public/);
    expect(fr.headers.get("Vary")).toBe("Accept-Encoding");
    expect(sharedCacheMayStore(fr)).toBe(true);
    expect(await fr.text()).toBe(await ca.text());
    expect((await bootOf(await get(FR))).rule).toBeUndefined();
  });
});
