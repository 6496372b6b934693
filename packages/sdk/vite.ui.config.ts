import { defineConfig } from "vite";
import { chunkFiles, languageHash } from "./build/chunk-names.js";
import { cssLiterals } from "./build/css-literals.js";

/**
 * The UI chunk (`dist/ui-HASH.js`): the first layer in plain DOM with its stylesheet, imported by
 * the loader only when needed; it imports the page's language (`lang/de-HASH.js`) and, later, the
 * preference centre (`preferences-HASH.js`), both built before it, by URLs relative to itself.
 * Beside it, a tiny module the loader imports on its own: the floating button
 * (`floating-button-HASH.js`). Each name carries its content hash; the loader's build reads them
 * from this build's manifest.
 */
export default defineConfig({
  plugins: [cssLiterals()],
  define: {
    __ASSENT_LANG_HASH__: JSON.stringify(languageHash()),
    __ASSENT_PREFERENCES__: JSON.stringify(chunkFiles(["preferences"]).preferences),
  },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    manifest: ".vite/ui.json",
    target: "es2022",
    minify: true,
    modulePreload: false,
    lib: {
      entry: {
        ui: "src/ui/index.ts",
        // The button (`src/ui`) and what labels it from the loader's session.
        "floating-button": "src/loader/offer-floating-button.ts",
      },
      formats: ["es"],
    },
    rolldownOptions: {
      output: { entryFileNames: "[name]-[hash].js", minify: true, comments: false },
    },
  },
});
