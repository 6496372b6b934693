import { defineConfig } from "vite";

/** The loader: one classic script (IIFE), synchronous, no Preact. */
export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: true,
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
