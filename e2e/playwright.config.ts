import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

// Set once in the runner process; its workers inherit them, so every worker agrees.
process.env.E2E_PORT ??= "8791";
process.env.E2E_ADMIN_EMAIL ??= "owner@e2e.test";
process.env.E2E_ADMIN_PASSWORD ??= randomBytes(18).toString("base64url");
process.env.E2E_DATABASE ??= join(tmpdir(), `assent-e2e-${Date.now()}-${process.pid}.db`);

const port = Number(process.env.E2E_PORT);
const chromium =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/**
 * End-to-end specs against the built, running stack: the Node entry serving the API, SDK,
 * dashboard and demo on one port, on a fresh libSQL file. Real Chromium (Debian's by default;
 * set CHROMIUM_PATH to use another, or leave it unset where Playwright's own browser exists).
 */
export default defineConfig({
  testDir: "specs",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // One retry on CI absorbs a slow moment on a shared two-core machine; a retried test is
  // reported as flaky, and one that fails twice still fails the run.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "../.test-results/e2e.json" }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
    },
  },
  webServer: {
    command: "pnpm --filter @assent/api start",
    cwd: "..",
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${process.env.E2E_DATABASE}`,
      ASSENT_ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL,
      ASSENT_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // Every spec's browser posts receipts from this one loopback address.
      RATE_LIMIT_IP: "off",
    },
    stdout: "pipe",
    stderr: "pipe",
  },
});
