import type { BannerTextKey, SiteConfig } from "@assent/core";

/** Every text the UI shows (core's English keys); each language chunk has all of them. */
export type Dictionary = Record<BannerTextKey, string>;

/**
 * The texts the first layer shows: each language's first-layer chunk (`lang/de-HASH.js`) holds
 * only these; the preference centre's (`lang/de-centre-HASH.js`) holds them all.
 */
export const FIRST_LAYER_KEYS = [
  "title",
  "description",
  "reconsent",
  "gpcHonoured",
  "acceptAll",
  "rejectAll",
  "manage",
  "privacyPolicy",
  "cookiePolicy",
] as const satisfies readonly BannerTextKey[];

/** The first layer's texts in one language. */
export type FirstLayerDictionary = Pick<Dictionary, (typeof FIRST_LAYER_KEYS)[number]>;

/** Looks a text up by key; `fallback` is returned when neither the site nor the language has it. */
export type Texts = (key: string, fallback?: string) => string;

/**
 * Builds the text lookup for a site and language: the site's override for the exact tag, then for
 * the base language, then the language chunk, then the key's last part (a custom category's id).
 * Whatever it returns is rendered as text, never as HTML.
 */
export function textsFor(
  config: SiteConfig,
  language: string,
  dictionary: Dictionary | FirstLayerDictionary,
): Texts {
  const tag = language.toLowerCase();
  const overrides = { ...config.texts[tag.split("-")[0] ?? tag], ...config.texts[tag] };
  const base = dictionary as Record<string, string>;
  return (key, fallback) =>
    // A blank site text (a config published before blank labels were refused) is no text.
    overrides[key]?.trim() || (base[key] ?? fallback ?? key.replace(/^(service|category)\./, ""));
}
