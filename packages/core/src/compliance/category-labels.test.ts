import { describe, expect, it } from "vitest";
import { presetJurisdictions } from "../jurisdictions";
import type { SiteConfig } from "../site-config";
import { lintConfig } from "./lint";
import { cleanConfig } from "./test-config";

const found = (config: SiteConfig) =>
  lintConfig(config)
    .filter((f) => f.rule === "category-label-contradicts")
    .map((f) => f.field);
const labelled = (texts: Record<string, string>, language = "en") =>
  found(cleanConfig({ texts: { [language]: texts } }));

describe("a built-in category relabelled", () => {
  it("is refused in another category's words and none of its own", () => {
    expect(labelled({ "category.marketing": "Site preferences" })).toEqual([
      "texts.en.category.marketing",
    ]);
    expect(labelled({ "category.analytics": "Videos and maps" })).toEqual([
      "texts.en.category.analytics",
    ]);
    // Pasted English in another language is read too.
    expect(labelled({ "category.marketing": "Your settings" }, "de")).toEqual([
      "texts.de.category.marketing",
    ]);
    // In a rule's own texts as in the site's.
    const ruled = cleanConfig({
      jurisdictions: {
        ...presetJurisdictions(),
        rules: presetJurisdictions().rules.map((rule, i) =>
          i === 0 ? { ...rule, texts: { en: { "category.marketing": "Preferences" } } } : rule,
        ),
      },
    });
    expect(found(ruled)).toEqual(["jurisdictions.rules.0.texts.en.category.marketing"]);
  });

  it("accepts its own words, another language's, or words of no category", () => {
    for (const texts of <Record<string, string>[]>[
      { "category.marketing": "Advertising" },
      { "category.marketing": "Personalised ads" },
      { "category.analytics": "Statistics" },
      { "category.preferences": "Functionality" },
      { "category.embeds": "YouTube videos" },
      { "category.marketing": "Partners" },
      { "category.embeds": "Third-party content" },
    ])
      expect(labelled(texts), JSON.stringify(texts)).toEqual([]);
    expect(labelled({ "category.marketing": "Werbung" }, "de")).toEqual([]);
  });

  it("is read in the banner's other main languages too", () => {
    for (const [language, label] of [
      ["de", "Besucherstatistik"],
      ["de", "Einstellungen"],
      ["es", "Estadísticas"],
      ["pl", "Statystyki"],
      ["fr", "Préférences"],
      ["it", "Statistiche"],
      ["de", "Eingebettete Inhalte"],
      ["fr", "Réseaux sociaux"],
    ] as const)
      expect(labelled({ "category.marketing": label }, language), label).toEqual([
        `texts.${language}.category.marketing`,
      ]);
    for (const [language, label] of [
      ["de", "Werbung und Statistik"],
      ["fr", "Publicité"],
      ["es", "Publicidad"],
      ["pl", "Reklama"],
      ["nl", "Advertenties"],
    ] as const)
      expect(labelled({ "category.marketing": label }, language), label).toEqual([]);
    expect(labelled({ "category.analytics": "Statistik" }, "de")).toEqual([]);
  });
});

describe("a category's description", () => {
  it("is refused in another built-in category's words and none of its own", () => {
    expect(
      labelled({ "category.marketing.description": "Remembering settings such as your language." }),
    ).toEqual(["texts.en.category.marketing.description"]);
    // Its own words, or words of none, are the site's to choose; advertising is personalised.
    for (const texts of <Record<string, string>[]>[
      { "category.marketing.description": "Measuring and personalising advertising." },
      { "category.marketing.description": "Personalised offers on other sites." },
      { "category.analytics.description": "Counting visits so we can improve the site." },
      { "category.embeds.description": "Videos and maps from other sites." },
    ])
      expect(labelled(texts), JSON.stringify(texts)).toEqual([]);
  });
});

describe("a category of the site's own for advertising", () => {
  /** A site's own `site-stats` holding the Meta pixel, labelled and described as given. */
  const own = (texts: Record<string, string>, purposes = ["analytics" as const]) =>
    found(
      cleanConfig({
        categories: [
          { id: "necessary", required: true },
          { id: "site-stats", purposes },
        ],
        services: [{ id: "meta-pixel", category: "site-stats" }],
        texts: { en: texts },
      }),
    );

  it("is refused when labelled or described in another category's words, never saying advertising", () => {
    expect(
      own({
        "category.site-stats": "Visit statistics",
        "category.site-stats.description": "Counting visits so we see which pages are read.",
      }),
    ).toEqual(["texts.en.category.site-stats"]);
    expect(
      own({
        "category.site-stats": "Our partners",
        "category.site-stats.description": "Remembering your settings.",
      }),
    ).toEqual(["texts.en.category.site-stats.description"]);
  });

  it("is let through once it says advertising, or in words of no category", () => {
    for (const texts of <Record<string, string>[]>[
      {
        "category.site-stats": "Statistics and advertising",
        "category.site-stats.description": "Counting visits and measuring our ads.",
      },
      { "category.site-stats": "Partners", "category.site-stats.description": "Our offers." },
    ])
      expect(own(texts), JSON.stringify(texts)).toEqual([]);
  });

  it("is read by what it declares, and a category of its own not for advertising by nothing", () => {
    const declared = (purposes: ("analytics" | "advertising")[]) =>
      found(
        cleanConfig({
          categories: [
            { id: "necessary", required: true },
            { id: "stats", purposes },
          ],
          services: [],
          texts: {
            en: { "category.stats": "Statistics", "category.stats.description": "Visits." },
          },
        }),
      );
    expect(declared(["analytics", "advertising"])).toEqual(["texts.en.category.stats"]);
    expect(declared(["analytics"])).toEqual([]);
  });
});
