import { defineConfig } from "vite";
import { cssLiterals } from "./build/css-literals.js";

/**
 * The preference centre (`dist/preferences-HASH.js`): an ES module with Preact inside, imported by
 * the first layer (the UI chunk, built after it, which reads its name from this build's manifest)
 * when the browser is idle after the banner has painted, or on the visitor's intent. Built on its
 * own so that the first layer shares no chunk with it.
 */
export default defineConfig({
  plugins: [cssLiterals()],
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    manifest: ".vite/preferences.json",
    target: "es2022",
    minify: true,
    modulePreload: false,
    lib: { entry: { preferences: "src/ui/preference-centre.tsx" }, formats: ["es"] },
    rolldownOptions: {
      output: { entryFileNames: "[name]-[hash].js", minify: true, comments: false },
    },
  },
});
