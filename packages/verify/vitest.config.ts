import { defineProject } from "vitest/config";

// The command is spawned and a Go program built and run: room for a loaded machine.
export default defineProject({
  test: {
    name: "verify",
    environment: "node",
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
