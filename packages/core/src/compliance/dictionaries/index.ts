import type { Language } from "../../languages";
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
