import { defineConfig } from "vite";

/**
 * The outbox (`dist/outbox-HASH.js`, idb-keyval inside), imported by the loader when a receipt is
 * to be sent or one is still waiting, and the embed placeholder (`embed-placeholder-HASH.js`, when
 * a page holds an embed back): ES modules of their own. Built apart from the UI chunk so that no
 * two of them share a chunk (the placeholder and the UI chunk both fetch the published config).
 */
export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: false,
    manifest: ".vite/outbox.json",
    target: "es2022",
    minify: true,
    modulePreload: false,
    lib: {
      entry: {
        outbox: "src/transport/outbox.ts",
        "embed-placeholder": "src/loader/embed-placeholder.ts",
      },
      formats: ["es"],
    },
    rolldownOptions: {
      output: { entryFileNames: "[name]-[hash].js", minify: true, comments: false },
    },
  },
});
