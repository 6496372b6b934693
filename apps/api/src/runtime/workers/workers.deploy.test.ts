import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const API_DIR = fileURLToPath(new URL("../../../", import.meta.url));
/** The wrangler this package declares, run as `pnpm exec wrangler` runs it. */
const WRANGLER = createRequire(import.meta.url).resolve("wrangler/bin/wrangler.js");
const out = mkdtempSync(join(tmpdir(), "assent-wrangler-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("wrangler.jsonc", () => {
  it("deploys as its comments say: wrangler builds the Worker and finds its bindings", () => {
    // --dry-run: the build command, the bundle and the bindings, without an account or upload.
    const run = spawnSync(process.execPath, [WRANGLER, "deploy", "--dry-run", "--outdir", out], {
      cwd: API_DIR,
      encoding: "utf8",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
      timeout: 120_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain("pnpm build:worker");
    expect(run.stdout).toMatch(/env\.DB \(assent\)\s+D1 Database/);
    expect(run.stdout).toMatch(/env\.ASSETS\s+Assets/);
    expect(existsSync(join(out, "index.js")), "the bundle wrangler would upload").toBe(true);
  }, 150_000);
});
