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
 * Imports a language's texts (the first layer's, or with `centre` all of them) and, in parallel
 * beside them: for a visitor under a rule that adds texts (`rule.fallback`: the UK objection, the
 * US opt-out), that rule's texts in the language (`lang/de-uk-exemptions-HASH.js`; in English the
 * loader brought them); for a first layer that shows a note (`notes`: asked again, GPC honoured),
 * the notes (`lang/de-notes-HASH.js`). When any cannot be loaded, English, everything of it, after
 * calling `fellBack`: never a French banner with an English Object button. Most visitors fetch
 * the one chunk.
 */
export function loadDictionary(
  language: string,
  load: ImportModule = importModule,
  centre?: boolean,
  notes?: boolean,
  fellBack?: () => void,
  rule?: VisitorRule,
): Promise<Dictionary> {
  // Resolved against this module's own URL (on the consent host, not the page) at run time.
  const here = import.meta.url;
  return Promise.all(
    [
      languageFile(language, centre),
      rule?.fallback && language !== DEFAULT_LANGUAGE && languageFile(`${language}-${rule.model}`),
      notes && !centre && languageFile(`${language}-notes`),
    ].map((file) => file && (load(new URL(file, here).href) as Promise<TextsModule>)),
  ).then(
    // The language's texts, with the rule's and the notes over them: one dictionary (a part
    // not fetched is `false` or `""`, whose `default` is nothing).
    (modules) =>
      Object.assign({}, ...(modules as TextsModule[]).map((m) => m?.default)) as Dictionary,
    (err) => {
      if (language === DEFAULT_LANGUAGE) throw err;
      // The error names the file that could not be loaded.
      console.warn("[assent]", err);
      fellBack?.();
      return loadDictionary(DEFAULT_LANGUAGE, load, centre, notes);
    },
  );
}
