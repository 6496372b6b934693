import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "dashboard",
    environment: "happy-dom",
    include: ["src/**/*.test.tsx", "src/**/*.test.ts"],
  },
});
