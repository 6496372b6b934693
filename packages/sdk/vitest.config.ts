import { defineProject } from "vitest/config";

export default defineProject({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  // What the builds write into the code (see build/chunk-names.ts): names for the tests.
  define: {
    "__ASSENT_CHUNKS__.outbox": JSON.stringify("outbox-test.js"),
    "__ASSENT_CHUNKS__.embedPlaceholder": JSON.stringify("embed-placeholder-test.js"),
    "__ASSENT_CHUNKS__.floatingButton": JSON.stringify("floating-button-test.js"),
    "__ASSENT_CHUNKS__.choice": JSON.stringify("choice-test.js"),
    __ASSENT_PREFERENCES__: JSON.stringify("preferences-test.js"),
    __ASSENT_LANG_HASH__: JSON.stringify("test"),
    // The same hash as the receipt's `wording`, well-formed (eight base64url characters).
    __ASSENT_WORDING__: JSON.stringify("testWord"),
  },
  test: {
    name: "sdk",
    environment: "happy-dom",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "checks/**/*.test.ts"],
    setupFiles: ["./vitest.setup.ts"],
  },
});
