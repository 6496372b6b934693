import { defineConfig } from "vite";

const languages = "en cy de fr es it nl pl pt sv da ar".split(" ");

/**
 * The UI chunk: an ES module with Preact inside, imported by the loader only when needed. Each
 * language is its own small module (`dist/lang/de.js`), imported by the UI chunk by a URL relative
 * to itself, so a visitor downloads only theirs. The floating button is its own tiny module too
 * (`dist/floating-button.js`), imported by the loader only on sites that turn it on.
 */
export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2022",
    minify: true,
    modulePreload: false,
    lib: {
      entry: {
        ui: "src/ui/index.tsx",
        "floating-button": "src/ui/floating-button.ts",
        "embed-placeholder": "src/loader/embed-placeholder.ts",
        ...Object.fromEntries(languages.map((l) => [`lang/${l}`, `src/ui/lang/${l}.ts`])),
      },
      formats: ["es"],
    },
    rolldownOptions: {
      output: {
        entryFileNames: (chunk) => (chunk.name === "ui" ? "ui-[hash].js" : "[name].js"),
        minify: true,
        comments: false,
      },
    },
  },
});
