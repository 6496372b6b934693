import { defineConfig } from "vitest/config";

/** One runner for every package: each project keeps its own environment (node or happy-dom). */
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "e2e/bench"],
  },
});
