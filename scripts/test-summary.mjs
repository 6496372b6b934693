// Prints one closing line for the whole test run ("total: N passed, N failed, N skipped"), from
// the JSON reports that vitest and Playwright write under .test-results/.
import { existsSync, readFileSync } from "node:fs";

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null);
const unit = read(".test-results/unit.json");
const e2e = read(".test-results/e2e.json");
if (!unit || !e2e) {
  console.error("test-summary: missing .test-results/unit.json or .test-results/e2e.json");
  process.exit(1);
}
const parts = {
  unit: {
    passed: unit.numPassedTests,
    failed: unit.numFailedTests,
    skipped: unit.numPendingTests + unit.numTodoTests,
  },
  e2e: {
    passed: e2e.stats.expected + e2e.stats.flaky,
    failed: e2e.stats.unexpected,
    skipped: e2e.stats.skipped,
  },
};
const sum = (key) => parts.unit[key] + parts.e2e[key];
for (const [name, p] of Object.entries(parts)) {
  console.log(`${name}: ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped`);
}
console.log(`total: ${sum("passed")} passed, ${sum("failed")} failed, ${sum("skipped")} skipped`);
process.exit(sum("failed") > 0 || sum("passed") === 0 ? 1 : 0);
