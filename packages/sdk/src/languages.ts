// The banner's languages and how one is chosen: shared by the loader (which starts fetching the
// chosen language beside the UI chunk) and the UI (which renders it).

/**
 * The languages the banner speaks. Each is its own chunk, `lang/CODE.js` beside the UI chunk, so
 * a visitor downloads only the one they read.
 */
export const LANGUAGES = "en cy de fr es it nl pl pt sv da ar".split(" ");

/** `rtl` for Arabic (the one right-to-left language the banner speaks), `ltr` otherwise. */
export function direction(language: string): "rtl" | "ltr" {
  return language === "ar" ? "rtl" : "ltr";
}

/**
 * The first supported language among the candidates (in order: the page's `<html lang>`, the
 * browser's `navigator.languages`, the site's default), by base language; English otherwise.
 * @example pickLanguage(["fr-CA", "de"]) // "fr"
 */
export function pickLanguage(candidates: ReadonlyArray<string | null | undefined>): string {
  for (const tag of candidates) {
    const base = tag?.toLowerCase().split("-")[0];
    if (base && LANGUAGES.includes(base)) return base;
  }
  return "en";
}

/**
 * The banner's language on this page: the page's `<html lang>`, then the browser's languages,
 * then the site's default. The loader fetches it beside the UI chunk; the UI renders in it.
 */
export function bannerLanguage(siteDefault: string): string {
  return pickLanguage([document.documentElement.lang, ...(navigator.languages ?? []), siteDefault]);
}
