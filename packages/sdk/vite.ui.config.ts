import { defineConfig } from "vite";
import { languageHash } from "./build/chunk-names.js";

/**
 * The UI chunk (`dist/ui-HASH.js`): an ES module with Preact inside, imported by the loader only
 * when needed; it imports the page's language (`lang/de-HASH.js`, built before it) by a URL
 * relative to itself. Beside it, two tiny modules the loader imports on their own: the floating
 * button (`floating-button-HASH.js`, on sites that turn it on) and the embed placeholder
 * (`embed-placeholder-HASH.js`, when a page holds an embed back). Each name carries its content
 * hash; the loader's build reads them from this build's manifest.
 */
export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  define: { __ASSENT_LANG_HASH__: JSON.stringify(languageHash()) },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    manifest: ".vite/ui.json",
    target: "es2022",
    minify: true,
    modulePreload: false,
    lib: {
      entry: {
        ui: "src/ui/index.tsx",
        "floating-button": "src/ui/floating-button.ts",
        "embed-placeholder": "src/loader/embed-placeholder.ts",
      },
      formats: ["es"],
    },
    rolldownOptions: {
      output: { entryFileNames: "[name]-[hash].js", minify: true, comments: false },
    },
  },
});
