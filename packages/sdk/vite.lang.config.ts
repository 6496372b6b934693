import { defineConfig } from "vite";
import { hashLanguageSet } from "./build/chunk-names.js";
import { LANGUAGES } from "./src/languages.js";

/**
 * The languages, built first: one small ES module each (`dist/lang/de-HASH.js`), so a visitor
 * downloads only theirs. All carry one hash over every language (see `languageSetHash`), defined
 * into the UI chunk and the loader, which import them by a URL relative to the UI chunk.
 */
export default defineConfig({
  plugins: [hashLanguageSet()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    minify: true,
    modulePreload: false,
    lib: {
      entry: Object.fromEntries(LANGUAGES.map((l) => [`lang/${l}`, `src/ui/lang/${l}.ts`])),
      formats: ["es"],
    },
    rolldownOptions: { output: { entryFileNames: "[name].js", minify: true, comments: false } },
  },
});
