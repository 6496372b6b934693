import { defaultSiteConfig } from "@assent/core";
import { describe, expect, it } from "vitest";
import { LANGUAGES as BUILT } from "../../checks/budgets";
import ar from "./lang/ar";
import cy from "./lang/cy";
import da from "./lang/da";
import de from "./lang/de";
import en from "./lang/en";
import es from "./lang/es";
import fr from "./lang/fr";
import it_ from "./lang/it";
import nl from "./lang/nl";
import pl from "./lang/pl";
import pt from "./lang/pt";
import sv from "./lang/sv";
import { direction, LANGUAGES, pickLanguage } from "./languages";
import { textsFor } from "./texts";

const chunks: Record<string, Record<string, string>> = {
  en,
  ar,
  cy,
  da,
  de,
  es,
  fr,
  it: it_,
  nl,
  pl,
  pt,
  sv,
};

describe("languages", () => {
  it("has a complete dictionary module for every language core lists, and none other", () => {
    expect([...LANGUAGES].sort()).toEqual(Object.keys(chunks).sort());
    expect(LANGUAGES).toHaveLength(12);
    expect(BUILT).toBe(LANGUAGES);
    for (const code of LANGUAGES) {
      const dict = chunks[code];
      expect(dict, code).toBeDefined();
      expect(Object.keys(dict ?? {}).sort(), code).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(dict ?? {}))
        expect(text.trim(), `${code} ${key}`).not.toBe("");
      if (code !== "en") expect(dict?.acceptAll, code).not.toBe(en.acceptAll);
    }
  });

  it("picks <html lang>, then the browser's languages, then the site default, by base language", () => {
    expect(pickLanguage(["de-AT", "fr"])).toBe("de");
    expect(pickLanguage(["ja", "nl-BE", "en"])).toBe("nl");
    expect(pickLanguage(["", undefined, "ja", "cy"])).toBe("cy");
    expect(pickLanguage(["ja", "zh-Hant"])).toBe("en");
    expect(pickLanguage(["AR"])).toBe("ar");
    // A locale name, as some CMSs write <html lang>.
    expect(pickLanguage(["fr_FR", "en"])).toBe("fr");
  });

  it("writes Arabic right to left", () => {
    expect(direction("ar")).toBe("rtl");
    expect(direction("de")).toBe("ltr");
  });

  it("lets a site override texts per language, exact tag before base language", () => {
    const config = {
      ...defaultSiteConfig("demo"),
      texts: { en: { title: "Cookies at the Guild" }, "en-gb": { acceptAll: "Accept them all" } },
    };
    const t = textsFor(config, "en-GB", en);
    expect(t("title")).toBe("Cookies at the Guild");
    expect(t("acceptAll")).toBe("Accept them all");
    expect(t("rejectAll")).toBe("Reject all");
    expect(t("category.newsletter")).toBe("newsletter");
    expect(t("service.x.provider", "")).toBe("");
  });
});
