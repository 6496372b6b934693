import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/** One runner for every package: each project keeps its own environment (node or happy-dom). */
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "e2e/bench"],
    // Vitest keeps a core free by default: one worker on a two-core machine such as CI's, where
    // the unit run then took 355 s; two workers take 228 s, with the suite's own servers (API
    // instances, workerd) beside them. Tests that need longer than the default say so.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
