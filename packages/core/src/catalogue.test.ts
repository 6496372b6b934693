import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "./catalogue";
import { DEFAULT_CATEGORIES } from "./categories";
import { consentModeState } from "./consent-mode";
import { decide } from "./decision";
import { pageServices } from "./page-services";
import { defaultSiteConfig, SiteConfigSchema } from "./site-config";

const IDS = [
  "google-analytics",
  "google-ads",
  "meta-pixel",
  "facebook-social",
  "twitter",
  "youtube",
  "vimeo",
  "flickr",
  "linkedin-insight",
  "hotjar",
  "microsoft-clarity",
];

describe("the service catalogue", () => {
  it("has the DESIGN.md ids, each fully described", () => {
    expect(CATALOGUE.map((s) => s.id)).toEqual(IDS);
    const categories = DEFAULT_CATEGORIES.map((c) => c.id);
    for (const s of CATALOGUE) {
      expect(categories, s.id).toContain(s.category);
      expect(s.name && s.provider && s.purpose, s.id).toBeTruthy();
      expect(s.privacyPolicyUrl, s.id).toMatch(/^https:\/\//);
      expect(s.hosts.length, s.id).toBeGreaterThan(0);
    }
  });

  it("says what the seed sites' trackers set", () => {
    const ga = CATALOGUE.find((s) => s.id === "google-analytics");
    // GA4 with its advertising features also sets the conversion linker's `_gcl_au`.
    expect(ga?.cookies.map((c) => c.name)).toEqual(["_ga", "_ga_*", "_gid", "_gat*", "_gcl_au"]);
    expect(ga?.consentModeKeys).toEqual(["analytics_storage"]);
    expect(CATALOGUE.find((s) => s.id === "meta-pixel")?.cookies.map((c) => c.name)).toContain(
      "_fbp",
    );
    expect(CATALOGUE.find((s) => s.id === "youtube")?.embed?.to).toMatch(/youtube-nocookie\.com/);
  });

  it("gives the loader every cookie and key of every service, listed by the site or not", () => {
    const unlisted = pageServices([]);
    for (const entry of CATALOGUE) {
      const known = unlisted.find((s) => s.id === entry.id);
      expect(known?.cookies, entry.id).toEqual(entry.cookies);
      expect(known?.storage, entry.id).toEqual(entry.storage);
    }
    const cookies = (id: string) => unlisted.find((s) => s.id === id)?.cookies?.map((c) => c.name);
    expect(cookies("google-ads")).toEqual(expect.arrayContaining(["_gcl_*", "_gac_*"]));
    expect(cookies("meta-pixel")).toEqual(["_fbp", "_fbc"]);
    for (const { cookies } of CATALOGUE)
      for (const c of cookies) expect(c.days, c.name).toBeGreaterThanOrEqual(0);
  });

  it("is a valid list of site services (a site may copy any entry)", () => {
    const config: Record<string, unknown> = { ...defaultSiteConfig("demo") };
    config.services = JSON.parse(JSON.stringify(CATALOGUE));
    expect(v.safeParse(SiteConfigSchema, config).success).toBe(true);
  });
});

describe("Consent Mode state", () => {
  const scope = { categories: [...DEFAULT_CATEGORIES], services: [...CATALOGUE] };

  it("denies everything without a decision, and follows the category mapping", () => {
    expect(Object.values(consentModeState(null)).every((s) => s === "denied")).toBe(true);
    const state = consentModeState(decide(scope, { categories: { analytics: true } }));
    expect(state).toMatchObject({ analytics_storage: "granted", ad_storage: "denied" });
    const custom = consentModeState(decide(scope, { categories: { embeds: true } }), {
      embeds: ["personalization_storage"],
    });
    expect(custom.personalization_storage).toBe("granted");
  });
});
