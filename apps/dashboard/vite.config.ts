import { defineConfig } from "vite";

/** Where `vite dev` forwards API calls; the built app is served by the API itself. */
const apiOrigin = process.env.ASSENT_API_ORIGIN ?? "http://localhost:8787";

// JSX settings (`react-jsx` with `jsxImportSource: "preact"`) come from tsconfig.base.json,
// which Vite and Vitest both read, so the type-checker and the bundler cannot disagree.
export default defineConfig({
  base: "/admin/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The polyfill is only for browsers without modulepreload; every target has it.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      // The API refuses admin writes whose Origin is not its own; in dev the page is on Vite's.
      "/v1": { target: apiOrigin, changeOrigin: true, headers: { Origin: apiOrigin } },
    },
  },
});
