// How the banner's language is chosen: shared by the loader (which starts fetching the chosen
// language beside the UI chunk) and the UI (which renders it). The languages are core's.
import { DEFAULT_LANGUAGE, LANGUAGES, RIGHT_TO_LEFT } from "@assent/core";

/**
 * The languages the banner speaks (core's list). Each is its own chunk, `languageFile(code)`
 * beside the UI chunk, so a visitor downloads only the one they read.
 */
export { LANGUAGES } from "@assent/core";

/** Set at build time: the hash every language chunk's name carries (`build/chunk-names.ts`). */
declare const __ASSENT_LANG_HASH__: string;

/**
 * A language chunk's file, relative to the UI chunk: the first layer's texts, or with `centre`
 * every text (for the preference centre). Its name carries a hash of every language's built
 * code, so it can be cached for a year and a new build never serves changed texts under it.
 * A rule's texts in a language (core's `RULE_TEXTS_BY_LANGUAGE`: the UK objection's, the US
 * opt-out's) are built the same way, under the code `LANGUAGE-MODEL`: `de-uk-exemptions`,
 * `de-opt-out`.
 * @example languageFile("de") // "lang/de-Xk3_9aQe.js"; languageFile("de", true) // "lang/de-centre-Xk3_9aQe.js"
 * @example languageFile(`de-${rule.model}`) // "lang/de-opt-out-Xk3_9aQe.js"
 */
export function languageFile(code: string, centre?: boolean): string {
  return `lang/${code}${centre ? "-centre" : ""}-${__ASSENT_LANG_HASH__}.js`;
}

/** `rtl` for the languages written right to left (Arabic), `ltr` otherwise. */
export function direction(language: string): "rtl" | "ltr" {
  return (RIGHT_TO_LEFT as readonly string[]).includes(language) ? "rtl" : "ltr";
}

/**
 * The first supported language among the candidates (in order: the page's `<html lang>`, the
 * browser's `navigator.languages`, the site's default), by base language (before `-`, or the `_`
 * of a locale name such as `fr_FR`); English otherwise.
 * @example pickLanguage(["fr-CA", "de"]) // "fr"
 */
export function pickLanguage(candidates: ReadonlyArray<string | null | undefined>): string {
  for (const tag of candidates) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    if (base && (LANGUAGES as readonly string[]).includes(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * The banner's language on this page: the page's `<html lang>`, then the browser's languages,
 * then the site's default. The loader fetches it beside the UI chunk; the UI renders in it.
 */
export function bannerLanguage(siteDefault: string): string {
  return pickLanguage([document.documentElement.lang, ...(navigator.languages ?? []), siteDefault]);
}
