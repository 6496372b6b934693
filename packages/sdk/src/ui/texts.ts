import type { BannerTextKey, SiteConfig, VisitorRule } from "@assent/core";

/** Every text the UI shows (core's English keys); each language chunk has all of them. */
export type Dictionary = Record<BannerTextKey, string>;

/**
 * The texts every first layer shows: each language's first-layer chunk (`lang/de-HASH.js`) holds
 * only these; the preference centre's (`lang/de-centre-HASH.js`) holds them all.
 */
export const FIRST_LAYER_KEYS = [
  "title",
  "description",
  "acceptAll",
  "rejectAll",
  "manage",
  "privacyPolicy",
  "cookiePolicy",
] as const satisfies readonly BannerTextKey[];

/**
 * The notes a first layer shows to some visitors only: why they are asked again (`reconsent`),
 * that their Global Privacy Control signal is honoured (`gpcHonoured`). Each language's notes
 * chunk (`lang/de-notes-HASH.js`) holds these, fetched beside the first layer's only when the
 * banner shows one, so the first layer most visitors see does not carry them.
 */
export const NOTE_KEYS = ["reconsent", "gpcHonoured"] as const satisfies readonly BannerTextKey[];

/** The first layer's texts in one language, with its notes when it shows them. */
export type FirstLayerDictionary = Pick<Dictionary, (typeof FIRST_LAYER_KEYS)[number]> &
  Partial<Pick<Dictionary, (typeof NOTE_KEYS)[number]>>;

/** Looks a text up by key; `fallback` is returned when neither the site nor the language has it. */
export type Texts = (key: string, fallback?: string) => string;

/**
 * Builds the text lookup for a site and language: the visitor's rule's wording, then the site's
 * override, each for the exact tag and then the base language; then `dictionary`, the language's
 * texts with the rule's built in that language over them (`loadDictionary`); then the rule's
 * English wording (`object`, `optOut`, ...: `rule.fallback`); then the site's text in its default
 * language (a site's own category, in a language the site wrote no texts in); then `fallback`, or
 * a category's id. Whatever it returns is rendered as text, never as HTML.
 * @example textsFor(config, "fr", { ...fr, ...frenchRuleTexts }, rule)("object") // "S'opposer"
 */
export function textsFor(
  config: SiteConfig,
  language: string,
  dictionary: Dictionary | FirstLayerDictionary,
  rule?: VisitorRule,
): Texts {
  const tag = language.toLowerCase();
  const short = tag.split("-")[0] ?? tag;
  const overrides = {
    ...config.texts[short],
    ...config.texts[tag],
    ...rule?.texts?.[short],
    ...rule?.texts?.[tag],
  };
  return (key, fallback) =>
    // A blank site text (a config published before blank labels were refused) is no text.
    overrides[key]?.trim() ||
    ((dictionary as Record<string, string | undefined>)[key] ??
      (rule?.fallback as Record<string, string> | undefined)?.[key] ??
      // A site's own category in a language the site wrote no texts in: its default language's.
      config.texts[config.defaultLanguage]?.[key] ??
      fallback ??
      key.replace("category.", ""));
}
