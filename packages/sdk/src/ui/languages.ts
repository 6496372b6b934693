import { languageFile } from "../languages";
import type { Dictionary } from "./texts";

export { bannerLanguage, direction, LANGUAGES, pickLanguage } from "../languages";

/** Imports a language's texts; English when that chunk cannot be loaded. */
export async function loadDictionary(language: string): Promise<Dictionary> {
  // Resolved against this module's own URL (on the consent host, not the page) at run time.
  const here = import.meta.url;
  const url = new URL(languageFile(language), here).href;
  try {
    return ((await import(/* @vite-ignore */ url)) as { default: Dictionary }).default;
  } catch (err) {
    if (language === "en") throw err;
    console.warn(`[assent] texts for "${language}" could not be loaded`, err);
    return loadDictionary("en");
  }
}
