import { defineConfig } from "vite";
import { languageHash } from "./build/chunk-names.js";

/**
 * The choice module (`dist/choice-HASH.js`): what only a choice needs (deciding, the cookie, the
 * receipt's write-ahead, clearing a withdrawn service's cookies on every domain they can live
 * on), imported by the loader when a choice is made and fetched ahead beside the banner and the
 * preference centre. It names no other module (the loader's session sends its receipt to the
 * outbox). Built on its own, so that it shares no chunk with the outbox or the embed placeholder.
 * Built after the languages: its receipts name their set's hash as the standard wording shown
 * (`wording`), so a new wording renames this module too.
 */
export default defineConfig({
  define: { __ASSENT_WORDING__: JSON.stringify(languageHash()) },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    manifest: ".vite/choice.json",
    target: "es2022",
    minify: true,
    modulePreload: false,
    lib: { entry: { choice: "src/loader/choice.ts" }, formats: ["es"] },
    rolldownOptions: {
      output: { entryFileNames: "[name]-[hash].js", minify: true, comments: false },
    },
  },
});
