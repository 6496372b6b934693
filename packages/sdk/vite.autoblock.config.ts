import { defineConfig } from "vite";

/**
 * The auto-blocking script: one classic script (IIFE), not content-hashed, that the API composes
 * before the loader only for `/s/SITE_KEY.js?autoblock`, so pages that do not ask for it never
 * download it. It imports nothing at run time.
 */
export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2020",
    minify: true,
    lib: {
      entry: "src/autoblock/index.ts",
      formats: ["iife"],
      name: "assentAutoblock",
      fileName: () => "autoblock.js",
    },
  },
});
