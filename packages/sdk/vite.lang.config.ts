import { defineConfig, type Plugin } from "vite";
import { hashLanguageSet } from "./build/chunk-names.js";
import { LANGUAGES } from "./src/languages.js";
import { DICTIONARIES } from "./src/ui/lang/dictionaries.js";
import { FIRST_LAYER_KEYS } from "./src/ui/texts.js";

const FIRST_LAYER = "assent-first-layer:";

/**
 * Each language's first-layer chunk, made from its dictionary at build time: a module that
 * exports the `FIRST_LAYER_KEYS` texts only.
 */
function firstLayerTexts(): Plugin {
  return {
    name: "assent:first-layer-texts",
    // Vite hands lib entries in as paths: `/…/packages/sdk/assent-first-layer:de`.
    resolveId: (id) => {
      const at = id.indexOf(FIRST_LAYER);
      return at < 0 ? null : `\0${id.slice(at)}`;
    },
    load(id) {
      if (!id.startsWith(`\0${FIRST_LAYER}`)) return null;
      const dictionary = DICTIONARIES[id.slice(FIRST_LAYER.length + 1)] as Record<string, string>;
      const texts = Object.fromEntries(FIRST_LAYER_KEYS.map((key) => [key, dictionary[key]]));
      return `export default ${JSON.stringify(texts)};`;
    },
  };
}

/**
 * The languages, built first: two small ES modules each, so a visitor downloads only theirs, and
 * only what is on screen: the first layer's texts (`dist/lang/de-HASH.js`, beside the banner) and
 * every text (`dist/lang/de-centre-HASH.js`, beside the preference centre). All carry one hash
 * over every language (see `languageSetHash`), defined into the loader, the UI chunk and the
 * preference centre, which import them by a URL relative to the UI chunk.
 */
export default defineConfig({
  plugins: [firstLayerTexts(), hashLanguageSet()],
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
          [`lang/${l}-centre`, `src/ui/lang/${l}.ts`],
        ]),
      ),
      formats: ["es"],
    },
    rolldownOptions: { output: { entryFileNames: "[name].js", minify: true, comments: false } },
  },
});
