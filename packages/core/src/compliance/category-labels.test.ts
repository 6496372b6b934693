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
});
