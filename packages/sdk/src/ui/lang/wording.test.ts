import { defaultSiteConfig, lintConfig } from "@assent/core";
import { describe, expect, it } from "vitest";
import { DICTIONARIES } from "./dictionaries";

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
