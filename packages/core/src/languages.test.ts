import { describe, expect, it } from "vitest";
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, RIGHT_TO_LEFT } from "./languages";
import { LANGUAGE_TAG_PATTERN } from "./patterns";
import { ENGLISH_TEXTS } from "./texts";

describe("the banner's languages", () => {
  it("are distinct base-language tags, with the default and the right-to-left ones among them", () => {
    expect(new Set(LANGUAGES).size).toBe(LANGUAGES.length);
    for (const code of LANGUAGES) expect(code).toMatch(/^[a-z]{2,3}$/);
    for (const code of LANGUAGES) expect(LANGUAGE_TAG_PATTERN.test(code)).toBe(true);
    expect(LANGUAGES).toContain(DEFAULT_LANGUAGE);
    for (const code of RIGHT_TO_LEFT) expect(LANGUAGES).toContain(code);
  });

  it("are told apart from languages the banner cannot show", () => {
    expect(isLanguage("cy")).toBe(true);
    expect(isLanguage("ja")).toBe(false);
    expect(isLanguage("fr-CA")).toBe(false);
    expect(isLanguage("constructor")).toBe(false);
  });

  it("have default English texts with no blank one", () => {
    for (const [key, text] of Object.entries(ENGLISH_TEXTS)) expect(text.trim(), key).not.toBe("");
  });
});

describe("LANGUAGE_TAG_PATTERN", () => {
  it("takes what pages and browsers send, and nothing that is not a tag", () => {
    for (const tag of ["en", "EN", "fr-CA", "zh-Hant-TW", "gsw", "de-DE-1996"])
      expect(LANGUAGE_TAG_PATTERN.test(tag), tag).toBe(true);
    for (const tag of ["", "e", "english", "en_GB", "en-", "a-b-c-d-e", "<script>"])
      expect(LANGUAGE_TAG_PATTERN.test(tag), tag).toBe(false);
  });
});
