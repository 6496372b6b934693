import { defineConfig } from "vite";
import { chunkFiles, languageHash, removeManifests } from "./build/chunk-names.js";

const chunks = chunkFiles(["outbox", "embed-placeholder", "floating-button", "choice"]);

/**
 * The loader: one classic script (IIFE), synchronous, no Preact; built last, with the names of
 * the modules it imports (read from the other builds' manifests) written into its code.
 */
export default defineConfig({
  plugins: [removeManifests()],
  define: {
    "__ASSENT_CHUNKS__.outbox": JSON.stringify(chunks.outbox),
    "__ASSENT_CHUNKS__.embedPlaceholder": JSON.stringify(chunks["embed-placeholder"]),
    "__ASSENT_CHUNKS__.floatingButton": JSON.stringify(chunks["floating-button"]),
    "__ASSENT_CHUNKS__.choice": JSON.stringify(chunks.choice),
    __ASSENT_LANG_HASH__: JSON.stringify(languageHash()),
  },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2020",
    minify: true,
    lib: {
      entry: "src/loader/index.ts",
      formats: ["iife"],
      name: "assentLoader",
      fileName: () => "loader.js",
    },
  },
});
