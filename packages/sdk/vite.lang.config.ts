import { MODEL_TEXT_KEYS, RULE_MODELS, RULE_TEXTS_BY_LANGUAGE, type RuleModel } from "@assent/core";
import { defineConfig, type Plugin } from "vite";
import { hashLanguageSet } from "./build/chunk-names.js";
import { LANGUAGES } from "./src/languages.js";
import { DICTIONARIES } from "./src/ui/lang/dictionaries.js";
import { FIRST_LAYER_KEYS, NOTE_KEYS } from "./src/ui/texts.js";
import { outsideWording } from "./src/wording.js";

const FIRST_LAYER = "assent-first-layer:";
const NOTES = "assent-notes:";
const RULE_TEXTS = "assent-rule-texts:";

/** The models whose rules add texts to the banner: `uk-exemptions`, `opt-out`. */
const WORDED_MODELS = RULE_MODELS.filter((model) => MODEL_TEXT_KEYS[model].length);

/**
 * Each language's chunk of some of its dictionary's texts, made at build time: a module that
 * exports the `keys` texts only. The first layer's (`FIRST_LAYER_KEYS`, entries `prefix` +
 * language) and its notes (`NOTE_KEYS`).
 */
function dictionaryPart(prefix: string, keys: readonly string[]): Plugin {
  return {
    name: `assent:${prefix.slice(0, -1)}`,
    // Vite hands lib entries in as paths: `/…/packages/sdk/assent-first-layer:de`.
    resolveId: (id) => {
      const at = id.indexOf(prefix);
      return at < 0 ? null : `\0${id.slice(at)}`;
    },
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return null;
      const dictionary = DICTIONARIES[id.slice(prefix.length + 1)] as Record<string, string>;
      const texts = Object.fromEntries(keys.map((key) => [key, dictionary[key]]));
      return `export default ${JSON.stringify(texts)};`;
    },
  };
}

/**
 * A rule's texts in one language, made from core's `RULE_TEXTS_BY_LANGUAGE` at build time: a
 * module that exports the texts its model shows (`lang/de-uk-exemptions`: `object`,
 * `objectInfo`, `objected`; `lang/de-opt-out`: `privacyChoices`, `optOut`, `optOutHonoured`),
 * fetched beside the language chunk only by visitors under such a rule.
 */
function ruleTexts(): Plugin {
  return {
    name: "assent:rule-texts",
    resolveId: (id) => {
      const at = id.indexOf(RULE_TEXTS);
      return at < 0 ? null : `\0${id.slice(at)}`;
    },
    load(id) {
      if (!id.startsWith(`\0${RULE_TEXTS}`)) return null;
      const [language, ...model] = id.slice(RULE_TEXTS.length + 1).split("-");
      const texts = RULE_TEXTS_BY_LANGUAGE[language as keyof typeof RULE_TEXTS_BY_LANGUAGE];
      const keys = MODEL_TEXT_KEYS[model.join("-") as RuleModel];
      return `export default ${JSON.stringify(Object.fromEntries(keys.map((k) => [k, texts[k]])))};`;
    },
  };
}

/**
 * The languages, built first: small ES modules each, so a visitor downloads only theirs, and
 * only what is on screen: the first layer's texts (`dist/lang/de-HASH.js`, beside the banner),
 * its notes (`dist/lang/de-notes-HASH.js`, beside it for a banner that shows one), every text (`dist/lang/de-centre-HASH.js`, beside the preference centre), and the texts each
 * rule model adds (`dist/lang/de-uk-exemptions-HASH.js`, `dist/lang/de-opt-out-HASH.js`), for
 * visitors under such a rule only. All carry one hash over every language (see
 * `languageSetHash`), defined into the loader, the UI chunk and the preference centre, which
 * import them by a URL relative to the UI chunk.
 */
export default defineConfig({
  plugins: [
    dictionaryPart(FIRST_LAYER, FIRST_LAYER_KEYS),
    dictionaryPart(NOTES, NOTE_KEYS),
    ruleTexts(),
    hashLanguageSet(outsideWording()),
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    minify: true,
    modulePreload: false,
    lib: {
      entry: Object.fromEntries(
        LANGUAGES.flatMap((l) => [
          [`lang/${l}`, `${FIRST_LAYER}${l}`],
          [`lang/${l}-notes`, `${NOTES}${l}`],
          [`lang/${l}-centre`, `src/ui/lang/${l}.ts`],
          ...WORDED_MODELS.map((m) => [`lang/${l}-${m}`, `${RULE_TEXTS}${l}-${m}`]),
        ]),
      ),
      formats: ["es"],
    },
    rolldownOptions: { output: { entryFileNames: "[name].js", minify: true, comments: false } },
  },
});
