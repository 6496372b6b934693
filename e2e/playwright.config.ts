import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { HOST_RESOLVER_RULES, HOSTS } from "./fixtures/topology";
import { DEPLOY, freePorts, instanceCommand, REPO, readEnvFile } from "./setup/deployment";
import { GEO_LOCATION_HEADERS, geoDirectives } from "./setup/geo";
import { TRACKER_HOSTS, trackerResolverRules } from "./setup/trackers";

// Chosen once, in the runner: its workers inherit the environment (and re-evaluate this file),
// so every process agrees on the ports and the folder.
if (!process.env.E2E_DIR) {
  const dir = mkdtempSync(join(tmpdir(), "assent-e2e-"));
  // Gone when the runner exits, however the run ends (E2E_KEEP=1 keeps it for a look).
  if (!process.env.E2E_KEEP)
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const [https, http, a, b, trackers] = freePorts(5);
  Object.assign(process.env, {
    E2E_DIR: dir,
    E2E_HTTPS_PORT: String(https),
    E2E_HTTP_PORT: String(http),
    E2E_PORT_A: String(a),
    E2E_PORT_B: String(b),
    E2E_TRACKER_PORT: String(trackers),
  });
  // The customer's site: the demo's pages, and an e2e/ folder for the pages tests write.
  const site = join(dir, "site");
  mkdirSync(join(site, "e2e"), { recursive: true });
  const demo = join(REPO, "apps/demo/site");
  for (const entry of readdirSync(demo)) symlinkSync(join(demo, entry), join(site, entry));
}
process.env.E2E_ADMIN_EMAIL ??= "owner@e2e.test";
process.env.E2E_ADMIN_PASSWORD ??= randomBytes(18).toString("base64url");
process.env.E2E_SECRET ??= randomBytes(32).toString("base64url");

const dir = process.env.E2E_DIR as string;
const ports = {
  https: Number(process.env.E2E_HTTPS_PORT),
  http: Number(process.env.E2E_HTTP_PORT),
  a: Number(process.env.E2E_PORT_A),
  b: Number(process.env.E2E_PORT_B),
};
const consent = `https://${HOSTS.consent}:${ports.https}`;
const chromium =
  process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/** An API instance as deploy/assent@.service runs it, with deploy/assent.env.example's settings. */
function instance(name: string, port: number) {
  const { command, cwd } = instanceCommand();
  return {
    name,
    command,
    cwd,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    // SIGTERM, as systemd stops it: the instance commits what it received, then exits.
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
    env: {
      ...readEnvFile(join(DEPLOY, "assent.env.example")),
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: consent,
      TRUST_PROXY: "loopback",
      DEMO_PORT: "off",
      DATABASE_URL: `file:${join(dir, "assent.db")}`,
      ASSENT_ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL as string,
      ASSENT_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD as string,
      // Both instances seal and open the sites' signing keys with the same secret.
      ASSENT_SECRET: process.env.E2E_SECRET as string,
      // Every spec's browser reaches the instances through Caddy from this one machine.
      RATE_LIMIT_IP: "off",
    },
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  };
}

/**
 * End-to-end specs against the built stack deployed as in production (deploy/): Caddy running
 * deploy/Caddyfile terminates TLS for https://consent.assent.test (its local CA, trusted by
 * Chromium for those certificates only) and balances round robin over two Node instances on one
 * fresh libSQL file; the customer's site is https://www.guild.test, another origin, served by
 * Caddy as static files. Real Chromium (Debian's by default; CHROMIUM_PATH to choose another).
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
  globalSetup: "./setup/global-setup.ts",
  // The database the instances shared is checked whole once every spec has run.
  globalTeardown: "./setup/global-teardown.ts",
  use: {
    baseURL: consent,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        `--host-resolver-rules=${HOST_RESOLVER_RULES}, ${trackerResolverRules(ports.https)}`,
        // Caddy's local CA, and nothing else: set by the global setup once Caddy has made it.
        ...(process.env.E2E_CA_SPKI
          ? [`--ignore-certificate-errors-spki-list=${process.env.E2E_CA_SPKI}`]
          : []),
      ],
    },
  },
  webServer: [
    // One after the other: the first start migrates and seeds the database.
    instance("instance A", ports.a),
    instance("instance B", ports.b),
    // The third parties of the auto-blocking specs: a real server that records every request.
    {
      name: "tracker stub",
      command: "pnpm exec tsx setup/tracker-stub.ts",
      cwd: join(REPO, "e2e"),
      url: `http://127.0.0.1:${process.env.E2E_TRACKER_PORT}/__stub/requests`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { E2E_TRACKER_PORT: process.env.E2E_TRACKER_PORT as string },
      stdout: "pipe" as const,
      stderr: "pipe" as const,
    },
    {
      name: "caddy",
      // deploy/Caddyfile, imported unchanged, plus the tracker stub's sites (setup/Caddyfile).
      command: `caddy run --adapter caddyfile --config ${JSON.stringify(join(REPO, "e2e/setup/Caddyfile"))}`,
      cwd: REPO,
      port: ports.https,
      reuseExistingServer: false,
      timeout: 30_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 3_000 },
      env: {
        CADDY_ADMIN: "off",
        CADDY_HTTP_PORT: String(ports.http),
        CADDY_HTTPS_PORT: String(ports.https),
        CADDY_GLOBAL_OPTIONS: [
          "local_certs",
          "skip_install_trust",
          `log {\n\t\toutput file ${join(dir, "caddy.log")}\n\t}`,
        ].join("\n\t"),
        ASSENT_CONSENT_HOST: HOSTS.consent,
        ASSENT_UPSTREAMS: `127.0.0.1:${ports.a} 127.0.0.1:${ports.b}`,
        ASSENT_SITE_HOSTS: `${HOSTS.customer}, ${HOSTS.other}`,
        ASSENT_SITE_ROOT: join(dir, "site"),
        ASSENT_ORIGIN: consent,
        // The stand-in for a GeoIP step: a country (and region) per loopback address, which a
        // spec's visitor connects from through fixtures/geo.ts; any other address is unknown.
        ASSENT_CONSENT_DIRECTIVES: geoDirectives(),
        ASSENT_LOCATION_HEADERS: GEO_LOCATION_HEADERS,
        E2E_TRACKER_HOSTS: TRACKER_HOSTS.join(", "),
        E2E_TRACKER_UPSTREAM: `127.0.0.1:${process.env.E2E_TRACKER_PORT}`,
        // Caddy's certificates and CA live in the run's folder, never in the user's.
        XDG_DATA_HOME: join(dir, "caddy-data"),
        XDG_CONFIG_HOME: join(dir, "caddy-config"),
      },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
