import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { canonicalJson, sha256Hex } from "./canonical-json";
import { presetJurisdictions } from "./jurisdictions";
import { defaultSiteConfig, parseSiteConfig, SiteConfigSchema } from "./site-config";

describe("site config", () => {
  it("starts a site with the default categories and expiry", () => {
    const config = defaultSiteConfig("demo");
    expect(config.categories.map((c) => c.id)).toEqual([
      "necessary",
      "preferences",
      "analytics",
      "marketing",
      "embeds",
    ]);
    expect(config.expiry).toEqual({ acceptedDays: 365, rejectedDays: 182 });
    expect(config.ui).toEqual({ theme: "auto", position: "bar", floatingButton: false });
  });

  it("accepts the banner's look and refuses unknown themes and positions", () => {
    const base = defaultSiteConfig("demo");
    const ok = { ...base, ui: { theme: "dark", position: "box" } };
    expect(v.parse(SiteConfigSchema, ok).ui).toEqual({
      theme: "dark",
      position: "box",
      floatingButton: false,
    });
    for (const ui of [{ theme: "purple" }, { position: "top" }, { floatingButton: "yes" }])
      expect(v.safeParse(SiteConfigSchema, { ...base, ui }).success).toBe(false);
  });

  it("refuses a config without necessary, with duplicate ids or bad keys", () => {
    const base = defaultSiteConfig("demo");
    const bad = [
      { ...base, categories: [{ id: "analytics" }] },
      { ...base, categories: [...base.categories, { id: "analytics" }] },
      { ...base, siteKey: "Not A Key" },
      { ...base, services: [{ id: "x", category: "Y Z" }] },
      { ...base, unexpected: 1 },
    ];
    for (const config of bad) expect(v.safeParse(SiteConfigSchema, config).success).toBe(false);
  });
});

describe("links", () => {
  it("refuses backslashes and control characters, which browsers read as leading off the site", () => {
    const base = defaultSiteConfig("demo");
    for (const url of [
      "/\\evil.example",
      "/\\\\evil.example",
      "/\t/evil.example",
      "https://a.example/\n",
    ]) {
      const parsed = parseSiteConfig({ ...base, privacyPolicyUrl: url });
      expect(parsed.ok, JSON.stringify(url)).toBe(false);
      if (!parsed.ok)
        expect(parsed.message).toMatch(/^privacyPolicyUrl: must not contain backslashes/);
    }
    const own = { id: "chat", category: "preferences", privacyPolicyUrl: "/\\evil.example" };
    expect(parseSiteConfig({ ...base, services: [own] }).ok).toBe(false);
    expect(parseSiteConfig({ ...base, cookiePolicyUrl: "/cookies?a=b#c" }).ok).toBe(true);
  });
});

describe("configurations published before jurisdictions", () => {
  // Hashes computed by the code before jurisdictions, exemptions and advertisingFeatures existed.
  const services = [
    { id: "google-analytics", category: "analytics" },
    { id: "youtube", category: "embeds" },
    { id: "meta-pixel", category: "marketing" },
  ];

  it("keep their hash: nothing is filled in for the new optional fields", async () => {
    const config = defaultSiteConfig("demo", services);
    expect(await sha256Hex(canonicalJson(config))).toBe(
      "e651839d4ec94da069db7a81b9e652099c7ecf955c699e43575e9255c2c0b054",
    );
    const parsed = parseSiteConfig({
      ...config,
      consentMode: { mode: "basic", regions: ["GB"] },
      texts: { en: { title: "Cookies" } },
    });
    expect(parsed.ok && (await sha256Hex(canonicalJson(parsed.value)))).toBe(
      "1a5bce56752c4f3f56e10e128ac9e7270274b7882d509d49cc1fbfb9281855bc",
    );
    expect(Object.keys(config)).not.toContain("jurisdictions");
  });

  it("change their hash once rules are added", async () => {
    const config = defaultSiteConfig("demo", services);
    const ruled = parseSiteConfig({ ...config, jurisdictions: presetJurisdictions() });
    expect(ruled.ok && (await sha256Hex(canonicalJson(ruled.value)))).not.toBe(
      await sha256Hex(canonicalJson(config)),
    );
  });
});

describe("ids that could vanish", () => {
  it("refuses categories and services named constructor, prototype or __proto__", () => {
    const base = defaultSiteConfig("demo");
    for (const id of ["constructor", "prototype", "__proto__"]) {
      const category = { ...base, categories: [...base.categories, { id }] };
      const service = { ...base, services: [{ id, category: "analytics" }] };
      for (const config of [category, service]) {
        const result = v.safeParse(SiteConfigSchema, config);
        expect(result.success, id).toBe(false);
      }
    }
    const near = { ...base, categories: [...base.categories, { id: "constructors" }] };
    expect(v.safeParse(SiteConfigSchema, near).success).toBe(true);
  });
});

describe("canonical JSON", () => {
  it("is independent of key order and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it("hashes with SHA-256", async () => {
    expect(await sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
