import { LANGUAGES } from "@assent/core";
import { describe, expect, it } from "vitest";
import { DICTIONARIES } from "./dictionaries";
import {
  FLOATING_BUTTON_LABELS,
  floatingButtonLabel,
  PLACEHOLDER_TEXTS,
  placeholderText,
} from "./outside";

describe("the texts shown outside the banner", () => {
  it("are there, in every language the banner speaks, with the dictionaries' privacy policy", () => {
    expect(Object.keys(FLOATING_BUTTON_LABELS).sort()).toEqual([...LANGUAGES].sort());
    expect(Object.keys(PLACEHOLDER_TEXTS).sort()).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES) {
      const label = FLOATING_BUTTON_LABELS[language];
      const texts = PLACEHOLDER_TEXTS[language];
      expect(label?.trim(), language).toBeTruthy();
      expect(texts?.["embed.loadOnce"].trim(), language).toBeTruthy();
      expect(texts?.["embed.alwaysAllow"], language).toContain("{service}");
      expect(texts?.privacyPolicy, language).toBe(DICTIONARIES[language]?.privacyPolicy);
      // Translated: only English reads as English.
      if (language !== "en") {
        expect(label).not.toBe(FLOATING_BUTTON_LABELS.en);
        expect(texts?.["embed.loadOnce"]).not.toBe(PLACEHOLDER_TEXTS.en?.["embed.loadOnce"]);
      }
    }
  });

  it("are the site's own first, then the page's language's, then English", () => {
    expect(floatingButtonLabel("de", "Datenschutz")).toBe("Datenschutz");
    expect(floatingButtonLabel("de", "  ")).toBe("Cookie-Einstellungen");
    expect(floatingButtonLabel("ja")).toBe("Cookie settings");
    expect(placeholderText("cy", "embed.loadOnce")).toBe("Llwytho hwn unwaith");
    expect(placeholderText("ja", "embed.loadOnce")).toBe("Load this once");
  });
});
