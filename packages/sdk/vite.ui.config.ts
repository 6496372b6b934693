import { defineConfig } from "vite";

/** The UI chunk: an ES module with Preact inside, imported by the loader only when needed. */
export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2020",
    minify: true,
    lib: {
      entry: "src/ui/index.tsx",
      formats: ["es"],
      fileName: () => "ui.js",
    },
    rolldownOptions: { output: { entryFileNames: "ui-[hash].js", minify: true } },
  },
});
