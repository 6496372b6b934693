import { DEFAULT_LANGUAGE, type VisitorRule } from "@assent/core";
import { languageFile } from "../languages";
import type { Dictionary } from "./texts";

export { bannerLanguage, direction, LANGUAGES, pickLanguage } from "../languages";

/** Imports a module by its URL (the browser's `import()`; a test may hand in its own). */
export type ImportModule = (url: string) => Promise<unknown>;

export const importModule: ImportModule = (url) => import(/* @vite-ignore */ url);

/** A module of texts: a language chunk, or a rule's texts in one language. */
type TextsModule = { default: Dictionary } | undefined;

/**
 * Imports a language's texts (the first layer's, or with `centre` all of them) and, for a visitor
 * under a rule that adds texts (`rule.fallback`: the UK objection, the US opt-out), that rule's
 * texts in the language beside them, in parallel (`lang/de-uk-exemptions-HASH.js`; in English
 * the loader brought them). When either cannot be loaded, English, everything of it, after
 * calling `fellBack`: never a French banner with an English Object button. Visitors without such
 * a rule fetch the one chunk, as before rules had texts.
 */
export function loadDictionary(
  language: string,
  load: ImportModule = importModule,
  centre?: boolean,
  fellBack?: () => void,
  rule?: VisitorRule,
): Promise<Dictionary> {
  // Resolved against this module's own URL (on the consent host, not the page) at run time.
  const here = import.meta.url;
  return Promise.all([
    load(new URL(languageFile(language, centre), here).href),
    rule?.fallback &&
      language !== DEFAULT_LANGUAGE &&
      load(new URL(languageFile(`${language}-${rule.model}`), here).href),
  ]).then(
    ([texts, ruleTexts]) => ({
      ...(texts as NonNullable<TextsModule>).default,
      ...(ruleTexts as TextsModule)?.default,
    }),
    (err) => {
      if (language === DEFAULT_LANGUAGE) throw err;
      // The error names the file that could not be loaded.
      console.warn("[assent]", err);
      fellBack?.();
      return loadDictionary(DEFAULT_LANGUAGE, load, centre);
    },
  );
}
