import { DEFAULT_LANGUAGE } from "@assent/core";
import { languageFile } from "../languages";
import type { Dictionary } from "./texts";

export { bannerLanguage, direction, LANGUAGES, pickLanguage } from "../languages";

/** Imports a module by its URL (the browser's `import()`; a test may hand in its own). */
export type ImportModule = (url: string) => Promise<unknown>;

export const importModule: ImportModule = (url) => import(/* @vite-ignore */ url);

/**
 * Imports a language's texts (the first layer's, or with `centre` all of them); English when that
 * chunk cannot be loaded, after calling `fellBack`.
 */
export async function loadDictionary(
  language: string,
  load: ImportModule = importModule,
  centre?: boolean,
  fellBack?: () => void,
): Promise<Dictionary> {
  // Resolved against this module's own URL (on the consent host, not the page) at run time.
  const here = import.meta.url;
  const url = new URL(languageFile(language, centre), here).href;
  try {
    return ((await load(url)) as { default: Dictionary }).default;
  } catch (err) {
    if (language === DEFAULT_LANGUAGE) throw err;
    // The error names the file that could not be loaded.
    console.warn("[assent]", err);
    fellBack?.();
    return loadDictionary(DEFAULT_LANGUAGE, load, centre);
  }
}
