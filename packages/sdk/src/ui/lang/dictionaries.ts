import type { Dictionary } from "../texts";
import ar from "./ar";
import cy from "./cy";
import da from "./da";
import de from "./de";
import en from "./en";
import es from "./es";
import fr from "./fr";
import it from "./it";
import nl from "./nl";
import pl from "./pl";
import pt from "./pt";
import sv from "./sv";

/**
 * Every language's texts at once, for what is not served to visitors: the dashboard's preview
 * and the build that makes each language's first-layer chunk. Visitors import one language.
 */
export const DICTIONARIES: Record<string, Dictionary> = {
  ar,
  cy,
  da,
  de,
  en,
  es,
  fr,
  it,
  nl,
  pl,
  pt,
  sv,
};
