import { describe, expect, it } from "vitest";
import { CATALOGUE } from "./catalogue";
import { categoryPurposes, gpcRefused, PURPOSES } from "./purposes";
import { defaultSiteConfig, parseSiteConfig } from "./site-config";

describe("purposes", () => {
  it("every catalogue service declares its purposes", () => {
    for (const entry of CATALOGUE) {
      expect(entry.purposes.length, entry.id).toBeGreaterThan(0);
      for (const p of entry.purposes) expect(PURPOSES).toContain(p);
    }
  });

  it("a published service carries its catalogue purposes, and a site may declare its own", () => {
    const parsed = parseSiteConfig({
      ...defaultSiteConfig("demo"),
      services: [
        { id: "meta-pixel", category: "marketing" },
        { id: "mailer", category: "marketing", name: "Mailer", purposes: ["sale-or-share"] },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.services.map((s) => s.purposes)).toEqual([
      ["advertising", "sale-or-share"],
      ["sale-or-share"],
    ]);
    expect(
      parseSiteConfig({
        ...parsed.value,
        categories: [{ id: "necessary", purposes: ["tracking"] }],
      }).ok,
    ).toBe(false);
  });

  it("a category has its declared (or default) purposes and its services'", () => {
    const config = defaultSiteConfig("demo", [{ id: "google-ads", category: "embeds" }]);
    expect(categoryPurposes(config, "marketing")).toEqual(["advertising"]);
    expect(categoryPurposes(config, "embeds")).toEqual(["advertising", "sale-or-share"]);
    const declared = { ...config, categories: [{ id: "marketing", purposes: ["analytics"] }] };
    expect(categoryPurposes(declared, "marketing")).toEqual(["analytics"]);
  });

  it("GPC refuses what advertises or sells, whatever it is called, and never necessary", () => {
    const renamed = defaultSiteConfig("demo", [
      { id: "meta-pixel", category: "advertising" },
      { id: "youtube", category: "embeds" },
      { id: "linkedin-insight", category: "analytics" },
    ]);
    const config = {
      ...renamed,
      categories: [
        { id: "necessary", required: true },
        { id: "analytics" },
        { id: "advertising" },
        { id: "embeds" },
        { id: "newsletter", purposes: ["sale-or-share" as const] },
      ],
    };
    expect(gpcRefused(config)).toEqual({
      categories: ["analytics", "advertising", "newsletter"],
      services: ["meta-pixel", "linkedin-insight"],
    });
  });

  it("GPC refuses a social network's buttons and posts: what the network learns goes to its ads", () => {
    const config = defaultSiteConfig("demo", [
      { id: "youtube", category: "embeds" },
      { id: "facebook-social", category: "embeds" },
      { id: "twitter", category: "embeds" },
    ]);
    expect(gpcRefused(config)).toEqual({
      categories: ["marketing", "embeds"],
      services: ["facebook-social", "twitter"],
    });
    // Videos alone share nothing for advertising that GPC names.
    const videosOnly = defaultSiteConfig("demo", [{ id: "youtube", category: "embeds" }]);
    expect(gpcRefused(videosOnly).categories).toEqual(["marketing"]);
  });

  it("GPC refuses the built-in marketing category whatever purposes it declares", () => {
    const config = defaultSiteConfig("demo", [{ id: "retarget", category: "marketing" }]);
    const declaredAnalytics = {
      ...config,
      categories: config.categories.map((c) =>
        c.id === "marketing" ? { ...c, purposes: ["analytics" as const] } : c,
      ),
    };
    expect(gpcRefused(declaredAnalytics).categories).toContain("marketing");
  });
});
