import type { Dictionary } from "./texts";

export { bannerLanguage, direction, LANGUAGES, pickLanguage } from "../languages";

/** Imports a language's texts; English when that chunk cannot be loaded. */
export async function loadDictionary(language: string): Promise<Dictionary> {
  // Resolved against this module's own URL at run time (kept out of the bundler's asset handling).
  const here = import.meta.url;
  const url = new URL(`lang/${language}.js`, here).href;
  try {
    return ((await import(/* @vite-ignore */ url)) as { default: Dictionary }).default;
  } catch (err) {
    if (language === "en") throw err;
    console.warn(`[assent] texts for "${language}" could not be loaded`, err);
    return loadDictionary("en");
  }
}
