import { isLanguage, type Language } from "../../languages";
import ar from "./ar";
import cy from "./cy";
import da from "./da";
import de from "./de";
import type { WordingDictionary } from "./dictionary";
import en from "./en";
import es from "./es";
import fr from "./fr";
import it from "./it";
import nl from "./nl";
import pl from "./pl";
import pt from "./pt";
import sv from "./sv";

export type { WordingDictionary } from "./dictionary";

/** The wording dictionaries, one for every language the banner speaks. */
export const WORDING: Readonly<Record<Language, WordingDictionary>> = {
  en,
  fr,
  de,
  es,
  it,
  nl,
  cy,
  pl,
  pt,
  sv,
  da,
  ar,
};

/**
 * The language the banner speaks that a language tag is written in (`fr` for `fr-CA`), or
 * `null` for one it does not speak (its texts get only the checks no dictionary needs).
 * @example builtInLanguage("de-AT") // "de"
 */
export function builtInLanguage(language: string): Language | null {
  const base = language.toLowerCase().split("-")[0] ?? language;
  return isLanguage(base) ? base : null;
}

/**
 * The dictionaries a language's texts are checked against: its own, and English (sites paste
 * English into other languages); English alone for a language the banner does not speak.
 * @example dictionariesFor("fr-CA") // [WORDING.fr, WORDING.en]
 */
export function dictionariesFor(language: string): WordingDictionary[] {
  const base = builtInLanguage(language);
  return base && base !== "en" ? [WORDING[base], WORDING.en] : [WORDING.en];
}
