import { LANGUAGES, type Language } from "../languages";
import type { RuleModel } from "./rule-schema";
import { RULE_TEXTS_BY_LANGUAGE } from "./texts-by-language";

export { RULE_TEXTS_BY_LANGUAGE } from "./texts-by-language";

/** The key of a rule text: the UK objection's three, the US opt-out's three. */
export type RuleTextKey =
  | "object"
  | "objectInfo"
  | "objected"
  | "privacyChoices"
  | "optOut"
  | "optOutHonoured";

/**
 * The English texts the rules add to the banner: the UK objection and the US opt-out. Sites
 * override them per language in `texts` (or a rule's `texts`) like any other banner text.
 */
export const RULE_TEXTS: Readonly<Record<RuleTextKey, string>> = RULE_TEXTS_BY_LANGUAGE.en;

/** Languages the rule texts are built in for: every language the banner speaks. */
export const RULE_TEXT_LANGUAGES: readonly Language[] = LANGUAGES;

/** The texts each model shows besides the banner's own (`opt-in`: none). */
export const MODEL_TEXT_KEYS: Readonly<Record<RuleModel, readonly RuleTextKey[]>> = {
  "opt-in": [],
  "uk-exemptions": ["object", "objectInfo", "objected"],
  "opt-out": ["privacyChoices", "optOut", "optOutHonoured"],
};

/** Texts a UK rule with exempt categories must show: the objection control and its information. */
export const OBJECTION_TEXT_KEYS: readonly RuleTextKey[] = ["object", "objectInfo"];

/**
 * The built-in texts a rule's model shows, in a language (by its base: `fr` for `fr-CA`); empty
 * for a language the banner does not speak.
 * @example ruleTexts("fr", "uk-exemptions").object // "S'opposer"
 */
export function ruleTexts(
  language: string,
  model: RuleModel,
): Partial<Record<RuleTextKey, string>> {
  const base = language.toLowerCase().split("-")[0] ?? language;
  const texts = (RULE_TEXTS_BY_LANGUAGE as Partial<Record<string, Record<RuleTextKey, string>>>)[
    base
  ];
  return texts ? Object.fromEntries(MODEL_TEXT_KEYS[model].map((k) => [k, texts[k]])) : {};
}
