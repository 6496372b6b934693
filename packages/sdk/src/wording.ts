// The SDK's standard wording as data, for what is not served to visitors: the API records it
// under each build's language-set hash, which every receipt names (`wording`).
import { LANGUAGES, RULE_TEXTS_BY_LANGUAGE } from "@assent/core";
import { DICTIONARIES } from "./ui/lang/dictionaries";

/**
 * Every built-in text of the banner, the preference centre and the rules, per language the
 * banner speaks (`{ de: { rejectAll: "Alle ablehnen", ..., object: "Widersprechen" } }`): the
 * sources the language build makes `lang/LL-HASH.js`, `lang/LL-centre-HASH.js` and
 * `lang/LL-MODEL-HASH.js` from (the dictionaries, and core's `RULE_TEXTS_BY_LANGUAGE`). A site's
 * own texts go over them; the floating button's label and the embed placeholder's texts ship in
 * their own modules and are not in it.
 * @example standardWording().de?.rejectAll // "Alle ablehnen"
 */
export function standardWording(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      { ...DICTIONARIES[language], ...RULE_TEXTS_BY_LANGUAGE[language] },
    ]),
  );
}
