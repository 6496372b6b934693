import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../languages";
import {
  MODEL_TEXT_KEYS,
  RULE_TEXT_LANGUAGES,
  RULE_TEXTS,
  RULE_TEXTS_BY_LANGUAGE,
  type RuleTextKey,
  ruleTexts,
} from "./texts";

const KEYS: RuleTextKey[] = [
  "object",
  "objectInfo",
  "objected",
  "privacyChoices",
  "optOut",
  "optOutHonoured",
];

/**
 * English words a translation must not have kept (not `we` or `personal` alone: Dutch and
 * Spanish words too). Loanwords each language uses stand: `cookie`, and Italian `privacy` as its
 * dictionary has it; so would proper nouns.
 */
const ENGLISH =
  /\b(object(ed)?|objection|count|visits?|display|settings?|statistics|stops?|deleted|your|you|privacy choices|do not|sell|share|personal information|opt-out|request|honou?red)\b/i;

/** How each language names the cookies the objection deletes. */
const COOKIES: Record<string, string> = {
  en: "cookies",
  cy: "cwcis",
  de: "Cookies",
  fr: "cookies",
  es: "cookies",
  it: "cookie",
  nl: "cookies",
  pl: "cookie",
  pt: "cookies",
  sv: "kakor",
  da: "cookies",
  ar: "ملفات تعريف الارتباط",
};

describe("rule texts", () => {
  it("are built in for every language the banner speaks, each with all six texts", () => {
    expect(Object.keys(RULE_TEXTS_BY_LANGUAGE).sort()).toEqual([...LANGUAGES].sort());
    expect(RULE_TEXT_LANGUAGES).toEqual(LANGUAGES);
    for (const language of LANGUAGES) {
      const texts = RULE_TEXTS_BY_LANGUAGE[language];
      expect(Object.keys(texts).sort(), language).toEqual([...KEYS].sort());
      for (const key of KEYS) {
        expect(texts[key].trim(), `${language} ${key}`).not.toBe("");
        expect(texts[key], `${language} ${key}`).toBe(texts[key].trim());
      }
    }
  });

  it("are translated: no English left in another language", () => {
    for (const language of LANGUAGES.filter((l) => l !== "en"))
      for (const key of KEYS) {
        const text = RULE_TEXTS_BY_LANGUAGE[language][key];
        expect(text, `${language} ${key}`).not.toBe(RULE_TEXTS[key]);
        expect(text, `${language} ${key}`).not.toMatch(ENGLISH);
      }
    // Arabic is written in its own script, right to left: no Latin letters.
    for (const key of KEYS) expect(RULE_TEXTS_BY_LANGUAGE.ar[key], key).not.toMatch(/[a-z]/i);
  });

  it("tell a UK visitor in every language that objecting deletes the cookies", () => {
    for (const language of LANGUAGES)
      expect(RULE_TEXTS_BY_LANGUAGE[language].objectInfo, language).toContain(COOKIES[language]);
  });

  it("word the US link as the CCPA regulations do, in Spanish as California's Attorney General", () => {
    expect(RULE_TEXTS.optOut).toBe("Do not sell or share my personal information");
    expect(RULE_TEXTS.privacyChoices).toBe("Your Privacy Choices");
    expect(RULE_TEXTS_BY_LANGUAGE.es.optOut).toBe("No vender ni compartir mi información personal");
    expect(RULE_TEXTS_BY_LANGUAGE.es.privacyChoices).toBe("Sus opciones de privacidad");
  });

  it("gives a model's texts in a language by its base, and none in a language without them", () => {
    expect(ruleTexts("fr-CA", "uk-exemptions")).toEqual({
      object: "S'opposer",
      objectInfo: RULE_TEXTS_BY_LANGUAGE.fr.objectInfo,
      objected: RULE_TEXTS_BY_LANGUAGE.fr.objected,
    });
    expect(Object.keys(ruleTexts("es", "opt-out"))).toEqual(MODEL_TEXT_KEYS["opt-out"]);
    expect(ruleTexts("de", "opt-in")).toEqual({});
    expect(ruleTexts("ja", "uk-exemptions")).toEqual({});
  });
});
