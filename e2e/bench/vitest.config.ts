import { defineProject } from "vitest/config";

/** The benchmarks' pure logic (tables, targets); the benchmarks themselves run in Playwright. */
export default defineProject({
  test: { name: "e2e-bench", environment: "node", include: ["**/*.test.ts"] },
});
