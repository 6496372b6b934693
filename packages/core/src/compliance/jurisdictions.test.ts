import { describe, expect, it } from "vitest";
import { EU_COUNTRIES, presetJurisdictions } from "../jurisdictions";
import type { SiteConfig } from "../site-config";
import { lintConfig } from "./lint";
import { cleanConfig } from "./test-config";

const found = (config: SiteConfig) =>
  lintConfig(config).map((f) => `${f.severity} ${f.rule} ${f.field}`);

/** A clean site with a UK-exempt `statistics` category holding `services`, under the presets. */
const ukSite = (services: SiteConfig["services"], patch: Partial<SiteConfig> = {}) => {
  const base = cleanConfig();
  return cleanConfig({
    categories: [
      ...base.categories,
      { id: "statistics", exemption: "statistics", purposes: ["analytics"] },
    ],
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
    // The banner's twelve languages have the objection built in: a French site need not word it.
    const french = ukSite([own], { texts: { fr: { title: "Cookies" } }, defaultLanguage: "fr" });
    expect(found(french)).toEqual([]);
    expect(found(ukSite([own], { texts: { "cy-GB": { title: "Cwcis" } } }))).toEqual([]);
    // A language outside them has none: the site must word it, there or in the rule.
    const japanese = ukSite([own], { texts: { ja: { title: "クッキー" } } });
    expect(found(japanese)).toEqual([
      "error uk-object-text-required jurisdictions.rules.1.texts.ja.object",
      "error uk-object-text-required jurisdictions.rules.1.texts.ja.objectInfo",
    ]);
    const worded = ukSite([own], {
      texts: { ja: { title: "クッキー", object: "異議を申し立てる" } },
      jurisdictions: {
        ...presetJurisdictions(),
        rules: presetJurisdictions().rules.map((rule) =>
          rule.model === "uk-exemptions"
            ? { ...rule, texts: { ja: { objectInfo: "訪問数を数えています。" } } }
            : rule,
        ),
      },
    });
    expect(found(worded)).toEqual([]);
  });

  it("refuses a tracker's provider under an id of the site's own", () => {
    for (const provider of ["Facebook Inc.", "Hotjar Ltd", "Google Ireland Limited", "Microsoft"]) {
      const renamed = { ...own, id: "our-stats", provider };
      expect(found(ukSite([renamed])), provider).toEqual([
        "error uk-exemption-not-qualifying services.1.category",
      ]);
    }
    expect(found(ukSite([{ ...own, provider: "The Guild" }]))).toEqual([]);
    // An advertising vendor the catalogue does not list: no more exempt than one it does.
    const tiktok = {
      ...own,
      id: "tiktok-analytics",
      name: "TikTok Analytics",
      provider: "ByteDance",
    };
    expect(found(ukSite([tiktok]))).toEqual([
      "error uk-exemption-not-qualifying services.1.category",
    ]);
    // An analytics vendor may be the site's processor: its statistics can qualify.
    expect(found(ukSite([{ ...own, provider: "Matomo Cloud" }]))).toEqual([]);
  });

  it("keeps the reject button and Object apart: the one refuses consent, only the other stops what runs", () => {
    const labelled = (site: Record<string, string>, rule: Record<string, string> = {}) =>
      found(
        ukSite([own], {
          texts: { en: site },
          jurisdictions: {
            ...presetJurisdictions(),
            rules: presetJurisdictions().rules.map((r) =>
              r.model === "uk-exemptions" ? { ...r, texts: { en: rule } } : r,
            ),
          },
        }),
      ).filter((f) => !f.includes("category-text-required"));
    for (const rejectAll of ["Object to all", "Reject all and object", "Opt out of everything"])
      expect(labelled({ rejectAll }), rejectAll).toEqual([
        "error reject-label-objects texts.en.rejectAll",
      ]);
    expect(labelled({}, { rejectAll: "I object" })).toEqual([
      "error reject-label-objects jurisdictions.rules.1.texts.en.rejectAll",
    ]);
    // Both read "Reject all": the visitor cannot tell which one stops the statistics.
    expect(labelled({}, { object: "Reject all" })).toEqual([
      "error object-label-unclear jurisdictions.rules.1.texts.en.object",
    ]);
    expect(labelled({ rejectAll: "No thanks", object: "No thanks" })).toEqual([
      "error object-label-unclear texts.en.object",
    ]);
    // An Object control must say it objects, or at least refuses.
    expect(labelled({}, { object: "More options" })).toEqual([
      "error object-label-unclear jurisdictions.rules.1.texts.en.object",
    ]);
    for (const [site, rule] of [
      [{ rejectAll: "Reject all" }, { object: "Object" }],
      [{ rejectAll: "Decline" }, { object: "Reject all and stop statistics" }],
      [{ rejectAll: "Refuse consent" }, { object: "I object" }],
    ] as const)
      expect(labelled(site, rule), JSON.stringify([site, rule])).toEqual([]);
  });

  it("reads the reject button as a possible objection only where a UK rule runs something", () => {
    const plain = cleanConfig({ texts: { en: { rejectAll: "Object to all" } } });
    expect(found(plain)).toEqual([]);
  });

  it("reads the objection's explanation as it reads the banner's description", () => {
    const explained = (objectInfo: string) =>
      ukSite([own], {
        jurisdictions: {
          ...presetJurisdictions(),
          rules: presetJurisdictions().rules.map((rule) =>
            rule.model === "uk-exemptions" ? { ...rule, texts: { en: { objectInfo } } } : rule,
          ),
        },
      });
    expect(found(explained("We only use strictly necessary cookies."))).toEqual([
      "error description-claims-only-necessary jurisdictions.rules.1.texts.en.objectInfo",
    ]);
    expect(found(explained("…"))).toEqual([
      "error text-without-words jurisdictions.rules.1.texts.en.objectInfo",
    ]);
    expect(found(explained("We count visits without asking. You can object at any time."))).toEqual(
      [],
    );
  });

  it("warns when a category claims an exemption no UK rule uses", () => {
    expect(found(ukSite([own], { jurisdictions: undefined }))).toEqual([
      "warning exemption-without-uk-rule categories.5.exemption",
    ]);
  });
});

describe("unknown location", () => {
  it("refuses anything but opt-in for visitors no rule names: an unplaced visitor may be in the EU", () => {
    const lax = { ...presetJurisdictions(), otherwise: "us-states" };
    expect(found(cleanConfig({ jurisdictions: lax }))).toEqual([
      "error unknown-location-not-strictest jurisdictions.otherwise",
    ]);
    const ukElsewhere = { ...presetJurisdictions(), otherwise: "uk" };
    expect(found(cleanConfig({ jurisdictions: ukElsewhere }))).toEqual([
      "error unknown-location-not-strictest jurisdictions.otherwise",
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
      "error unknown-location-not-strictest jurisdictions.otherwise",
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
      "error unknown-location-not-strictest jurisdictions.otherwise",
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

describe("EU territory with codes of its own", () => {
  it("refuses an opt-out rule naming the outermost regions or Åland, as it would France or Finland", () => {
    const territories = ["RE", "GP", "MQ", "GF", "YT", "MF", "AX"];
    const rules = {
      rules: [
        { id: "eu-eea", regions: ["EEA"], model: "opt-in" as const },
        { id: "us", regions: ["US", ...territories], model: "opt-out" as const },
        { id: "elsewhere", regions: [], model: "opt-in" as const },
      ],
      otherwise: "elsewhere",
    };
    expect(found(cleanConfig({ jurisdictions: rules }))).toEqual(
      territories.map(
        (_, i) => `error region-needs-consent jurisdictions.rules.1.regions.${i + 1}`,
      ),
    );
  });

  it("counts them among the countries a non-opt-in rule for everyone else must leave to others", () => {
    const rest = {
      rules: [
        { id: "eu", regions: [...EU_COUNTRIES], model: "opt-in" as const },
        { id: "efta", regions: ["IS", "LI", "NO"], model: "opt-in" as const },
        { id: "rest", regions: [], model: "uk-exemptions" as const },
      ],
      otherwise: "rest",
    };
    const [finding] = lintConfig(cleanConfig({ jurisdictions: rest }));
    expect(finding).toMatchObject({
      rule: "region-needs-consent",
      field: "jurisdictions.otherwise",
    });
    expect(finding?.why).toContain("RE, GP, MQ, ...");
  });
});
