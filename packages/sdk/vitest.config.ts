import { defineProject } from "vitest/config";

export default defineProject({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  test: {
    name: "sdk",
    environment: "happy-dom",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "checks/**/*.test.ts"],
    setupFiles: ["./vitest.setup.ts"],
  },
});
