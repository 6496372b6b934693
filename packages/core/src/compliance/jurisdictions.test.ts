import { describe, expect, it } from "vitest";
import { presetJurisdictions } from "../jurisdictions";
import type { SiteConfig } from "../site-config";
import { lintConfig } from "./lint";
import { cleanConfig } from "./test-config";

const found = (config: SiteConfig) =>
  lintConfig(config).map((f) => `${f.severity} ${f.rule} ${f.field}`);

/** A clean site with a UK-exempt `statistics` category holding `services`, under the presets. */
const ukSite = (services: SiteConfig["services"], patch: Partial<SiteConfig> = {}) => {
  const base = cleanConfig();
  return cleanConfig({
    categories: [...base.categories, { id: "statistics", exemption: "statistics" }],
    services: [...base.services, ...services],
    jurisdictions: presetJurisdictions(),
    ...patch,
  });
};
const own = { id: "visit-counter", category: "statistics", purposes: ["analytics" as const] };

describe("UK exemptions", () => {
  it("accepts a first-party statistics service, and Google Analytics with its ad features off", () => {
    expect(found(ukSite([own]))).toEqual([]);
    const ga = {
      id: "google-analytics",
      category: "statistics",
      purposes: ["analytics" as const],
      advertisingFeatures: false,
    };
    expect(found(ukSite([ga]))).toEqual([]);
  });

  it.each([
    [
      "Google Analytics, Signals not declared off",
      { id: "google-analytics", category: "statistics" },
    ],
    [
      "Google Analytics with advertising features",
      { id: "google-analytics", category: "statistics", advertisingFeatures: true },
    ],
    ["the Meta pixel", { id: "meta-pixel", category: "statistics" }],
    [
      "Microsoft Clarity (its provider's own purposes)",
      { id: "microsoft-clarity", category: "statistics" },
    ],
    [
      "a site's own service declared for advertising",
      {
        id: "own-ads",
        category: "statistics",
        purposes: ["analytics" as const, "advertising" as const],
      },
    ],
  ])("refuses %s in an exempt category", (_, service) => {
    expect(found(ukSite([service]))).toContain(
      "error uk-exemption-not-qualifying services.1.category",
    );
  });

  it("says why, naming the service", () => {
    const [finding] = lintConfig(ukSite([{ id: "google-analytics", category: "statistics" }]));
    expect(finding?.why).toMatch(/google-analytics.*Google Signals/);
  });

  it("warns about a qualifying service outside the exemption's purpose", () => {
    const counter = {
      id: "theme-switcher",
      category: "statistics",
      purposes: ["functional" as const],
    };
    expect(found(ukSite([counter]))).toEqual(["warning uk-exemption-purpose services.1.purposes"]);
  });

  it("needs the Object text in every language the site speaks without a built-in one", () => {
    expect(found(ukSite([own], { texts: { en: { object: " " } } }))).toEqual([
      "error uk-object-text-required jurisdictions.rules.1.texts.en.object",
    ]);
    const french = ukSite([own], { texts: { fr: { title: "Cookies" } } });
    expect(found(french)).toEqual([
      "error uk-object-text-required jurisdictions.rules.1.texts.fr.object",
      "error uk-object-text-required jurisdictions.rules.1.texts.fr.objectInfo",
    ]);
    const translated = ukSite([own], {
      texts: {
        fr: { title: "Cookies", object: "S'opposer", objectInfo: "Nous comptons les visites." },
      },
    });
    expect(found(translated)).toEqual([]);
  });

  it("warns when a category claims an exemption no UK rule uses", () => {
    expect(found(ukSite([own], { jurisdictions: undefined }))).toEqual([
      "warning exemption-without-uk-rule categories.5.exemption",
    ]);
  });
});

describe("unknown location", () => {
  it("warns when visitors no rule names get anything but opt-in", () => {
    const lax = { ...presetJurisdictions(), otherwise: "us-states" };
    expect(found(cleanConfig({ jurisdictions: lax }))).toEqual([
      "warning unknown-location-not-strictest jurisdictions.otherwise",
    ]);
    expect(found(cleanConfig({ jurisdictions: presetJurisdictions() }))).toEqual([]);
  });

  it("refuses a rule for everyone else that runs trackers in an EEA country or the UK no rule names", () => {
    const world = {
      rules: [{ id: "world", regions: [], model: "opt-out" as const }],
      otherwise: "world",
    };
    expect(found(cleanConfig({ jurisdictions: world }))).toEqual([
      "error region-needs-consent jurisdictions.otherwise",
      "warning unknown-location-not-strictest jurisdictions.otherwise",
    ]);
    // Every EEA country and the UK named by rules that ask first: only unknown locations remain.
    const named = {
      rules: [
        { id: "eu", regions: ["EEA"], model: "opt-in" as const },
        { id: "uk", regions: ["UK"], model: "uk-exemptions" as const },
        { id: "world", regions: [], model: "opt-out" as const },
      ],
      otherwise: "world",
    };
    expect(found(cleanConfig({ jurisdictions: named }))).toEqual([
      "warning unknown-location-not-strictest jurisdictions.otherwise",
    ]);
    // The UK exemptions for everyone else: the EEA must be named, the UK need not be.
    const ukElsewhere = {
      rules: [
        { id: "eu", regions: ["EU"], model: "opt-in" as const },
        { id: "rest", regions: [], model: "uk-exemptions" as const },
      ],
      otherwise: "rest",
    };
    const [finding] = lintConfig(cleanConfig({ jurisdictions: ukElsewhere }));
    expect(finding).toMatchObject({ severity: "error", rule: "region-needs-consent" });
    expect(finding?.why).toContain("IS, LI, NO");
  });
});

describe("regions whose law needs consent first", () => {
  it("refuses a rule that runs trackers before a choice in the EEA, or opt-out in the UK", () => {
    const rules = presetJurisdictions();
    const widened = {
      ...rules,
      rules: rules.rules.map((r) =>
        r.id === "us-states" ? { ...r, regions: [...r.regions, "FR", "UK", "NO-03"] } : r,
      ),
    };
    const us = widened.rules.findIndex((r) => r.id === "us-states");
    const at = (i: number) => `jurisdictions.rules.${us}.regions.${i}`;
    const n = rules.rules[us]?.regions.length ?? 0;
    expect(found(cleanConfig({ jurisdictions: widened }))).toEqual([
      `error region-needs-consent ${at(n)}`,
      `error region-needs-consent ${at(n + 1)}`,
      `error region-needs-consent ${at(n + 2)}`,
    ]);
    const ukInEea = {
      ...rules,
      rules: rules.rules.map((r) => (r.id === "uk" ? { ...r, regions: ["UK", "EEA"] } : r)),
    };
    expect(found(cleanConfig({ jurisdictions: ukInEea }))).toContain(
      `error region-needs-consent jurisdictions.rules.${rules.rules.findIndex((r) => r.id === "uk")}.regions.1`,
    );
    // The presets are lawful as they are.
    expect(found(cleanConfig({ jurisdictions: rules }))).toEqual([]);
  });
});
