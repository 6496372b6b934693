// The SDK's standard wording as data, for what is not served to visitors: the API records it
// under each build's language-set hash, which every receipt names (`wording`).
import { LANGUAGES, RULE_TEXTS_BY_LANGUAGE } from "@assent/core";
import { DICTIONARIES } from "./ui/lang/dictionaries";
import { FLOATING_BUTTON_LABELS, PLACEHOLDER_TEXTS } from "./ui/lang/outside";

/**
 * The built-in texts shown outside the banner, per language, under the keys a site's own texts
 * use: the floating button's label (`floatingButton`) and an embed placeholder's buttons
 * (`embed.loadOnce`, `embed.alwaysAllow`; its privacy policy link is the dictionaries'). They
 * ship in their own modules (`floating-button-HASH.js`, `embed-placeholder-HASH.js`), not in the
 * language modules, yet a choice is made on them ("Always allow YouTube"), so the wording a
 * receipt names holds them, and the language set's hash covers them.
 * @example outsideWording().de?.["embed.loadOnce"] // "Nur dieses Mal laden"
 */
export function outsideWording(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    LANGUAGES.map((language) => {
      const placeholder = PLACEHOLDER_TEXTS[language];
      const texts: Record<string, string> = {};
      if (FLOATING_BUTTON_LABELS[language]) texts.floatingButton = FLOATING_BUTTON_LABELS[language];
      if (placeholder) {
        texts["embed.loadOnce"] = placeholder["embed.loadOnce"];
        texts["embed.alwaysAllow"] = placeholder["embed.alwaysAllow"];
      }
      return [language, texts];
    }),
  );
}

/**
 * Every built-in text of the banner, the preference centre and the rules, per language the
 * banner speaks (`{ de: { rejectAll: "Alle ablehnen", ..., object: "Widersprechen" } }`): the
 * sources the language build makes `lang/LL-HASH.js`, `lang/LL-centre-HASH.js` and
 * `lang/LL-MODEL-HASH.js` from (the dictionaries, and core's `RULE_TEXTS_BY_LANGUAGE`), and the
 * texts shown outside the banner (`outsideWording`). A site's own texts go over them.
 * @example standardWording().de?.rejectAll // "Alle ablehnen"
 */
export function standardWording(): Record<string, Record<string, string>> {
  const outside = outsideWording();
  return Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      { ...DICTIONARIES[language], ...RULE_TEXTS_BY_LANGUAGE[language], ...outside[language] },
    ]),
  );
}
