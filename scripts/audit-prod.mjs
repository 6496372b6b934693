#!/usr/bin/env node
// `pnpm audit:prod`: audits the production dependencies and fails on any finding. Where the
// registry's audit endpoint cannot be reached or refuses the request (some mirrors and
// sandboxes answer 405), it prints a notice and succeeds: no answer is not a finding.
// AUDIT_OUTPUT_FILE reads a saved `pnpm audit --prod --json` output instead of running it.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const UNREACHABLE =
  /ERR_PNPM_AUDIT_BAD_RESPONSE|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ERR_SOCKET|network|fetch failed/i;

function run() {
  if (process.env.AUDIT_OUTPUT_FILE) return readFileSync(process.env.AUDIT_OUTPUT_FILE, "utf8");
  const res = spawnSync("pnpm", ["audit", "--prod", "--json"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.error)
    return JSON.stringify({ error: { code: res.error.code, message: String(res.error) } });
  return `${res.stdout}${res.stdout.trim() ? "" : res.stderr}`;
}

const text = run();
let report;
try {
  report = JSON.parse(text);
} catch {
  if (UNREACHABLE.test(text)) {
    console.log(
      `::notice::pnpm audit could not reach the audit endpoint; skipped.\n${text.trim()}`,
    );
    process.exit(0);
  }
  console.error(`pnpm audit gave an answer that is not JSON:\n${text}`);
  process.exit(1);
}

if (report.error) {
  const { code = "", message = "" } = report.error;
  if (UNREACHABLE.test(`${code} ${message}`)) {
    console.log(
      `::notice::pnpm audit skipped: the audit endpoint is unavailable here (${code}). ` +
        "Production dependencies were not audited on this machine.",
    );
    console.log(`  ${message}`);
    process.exit(0);
  }
  console.error(`pnpm audit failed: ${code} ${message}`);
  process.exit(1);
}

const counts = report.metadata?.vulnerabilities ?? {};
const total = ["low", "moderate", "high", "critical"].reduce((n, k) => n + (counts[k] ?? 0), 0);
if (total === 0) {
  console.log("pnpm audit --prod: no known vulnerabilities in production dependencies.");
  process.exit(0);
}
console.error(`pnpm audit --prod: ${total} finding(s) in production dependencies:`);
for (const advisory of Object.values(report.advisories ?? {})) {
  const paths = (advisory.findings ?? []).flatMap((f) => f.paths ?? []).slice(0, 3);
  console.error(
    `  [${advisory.severity}] ${advisory.module_name} ${advisory.vulnerable_versions}: ` +
      `${advisory.title} (${advisory.url})${paths.length ? `\n    via ${paths.join(", ")}` : ""}`,
  );
}
console.error(
  "Upgrade the dependency, or explain the finding and list its CVE under pnpm.auditConfig.ignoreCves.",
);
process.exit(1);
