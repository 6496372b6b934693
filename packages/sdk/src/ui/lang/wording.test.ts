import {
  defaultSiteConfig,
  lintConfig,
  parseSiteConfig,
  presetJurisdictions,
  RULE_TEXTS_BY_LANGUAGE,
} from "@assent/core";
import { describe, expect, it } from "vitest";
import { DICTIONARIES } from "./dictionaries";
import { FLOATING_BUTTON_LABELS, PLACEHOLDER_TEXTS } from "./outside";

describe("the banner's own texts in every language", () => {
  it.each(Object.keys(DICTIONARIES))(
    "pass the wording rules when a site publishes them as its own (%s)",
    (language) => {
      const config = {
        ...defaultSiteConfig("lint", [], "https://www.assent.test/privacy"),
        texts: { [language]: { ...DICTIONARIES[language] } as Record<string, string> },
      };
      const wording = lintConfig(config).filter((f) => f.field.startsWith("texts."));
      expect(wording.map((f) => `${f.rule} ${f.field}`)).toEqual([]);
    },
  );

  it.each(Object.keys(DICTIONARIES))(
    "are refused with the accept and reject labels swapped (%s)",
    (language) => {
      const own = DICTIONARIES[language] as Record<string, string>;
      const config = {
        ...defaultSiteConfig("lint", [], "https://www.assent.test/privacy"),
        texts: {
          [language]: { ...own, acceptAll: own.rejectAll, rejectAll: own.acceptAll } as Record<
            string,
            string
          >,
        },
      };
      const wording = lintConfig(config).filter((f) => f.field.startsWith("texts."));
      expect(wording.map((f) => `${f.rule} ${f.field}`).sort()).toEqual([
        `accept-label-means-refuse texts.${language}.acceptAll`,
        `reject-label-means-accept texts.${language}.rejectAll`,
      ]);
    },
  );
});

describe("every text the banner, its placeholders and its rules show", () => {
  it.each(Object.keys(DICTIONARIES))(
    "is publishable as a site's own, beside services that need consent, under every rule (%s)",
    (language) => {
      const rules = RULE_TEXTS_BY_LANGUAGE[language as keyof typeof RULE_TEXTS_BY_LANGUAGE];
      const texts = {
        ...(DICTIONARIES[language] as Record<string, string>),
        ...PLACEHOLDER_TEXTS[language],
        floatingButton: FLOATING_BUTTON_LABELS[language] as string,
        ...rules,
      };
      const config = {
        ...defaultSiteConfig(
          "lint",
          [
            { id: "google-analytics", category: "analytics" },
            { id: "meta-pixel", category: "marketing" },
            { id: "youtube", category: "embeds" },
          ],
          "https://www.assent.test/privacy",
        ),
        texts: { [language]: texts },
        jurisdictions: presetJurisdictions(),
      };
      const parsed = parseSiteConfig(config);
      expect(parsed.ok ? "" : parsed.message).toBe("");
      const wording = lintConfig(config).filter((f) => f.field.startsWith("texts."));
      expect(wording.map((f) => `${f.rule} ${f.field}`)).toEqual([]);
    },
  );
});
