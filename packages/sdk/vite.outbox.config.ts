import { defineConfig } from "vite";

/**
 * The outbox: an ES module of its own (`dist/outbox-HASH.js`, idb-keyval inside), imported by the
 * loader when a receipt is to be sent or one is still waiting. Built apart from the UI chunk so
 * neither pulls the other's code through a shared chunk.
 */
export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: false,
    manifest: ".vite/outbox.json",
    target: "es2022",
    minify: true,
    modulePreload: false,
    lib: { entry: { outbox: "src/transport/outbox.ts" }, formats: ["es"] },
    rolldownOptions: {
      output: { entryFileNames: "[name]-[hash].js", minify: true, comments: false },
    },
  },
});
