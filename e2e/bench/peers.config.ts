import { defineConfig } from "@playwright/test";
import { HOST_RESOLVER_RULES } from "../fixtures/topology";
import base from "../playwright.config";

/**
 * `pnpm bench:peers`: the e2e topology (two API instances behind Caddy running deploy/Caddyfile,
 * on free ports, the customer's site on its own origin) with one benchmark file instead of the
 * specs. Only the deployment's host names resolve (to this machine); every tracker host is
 * answered "not found" by Chromium's resolver at once, for every page alike: nothing leaves the
 * machine, and no visit waits on a host that does not answer.
 */
const args = (base.use?.launchOptions?.args ?? []).map((arg) =>
  arg.startsWith("--host-resolver-rules=")
    ? `--host-resolver-rules=${HOST_RESOLVER_RULES}, MAP * ~NOTFOUND`
    : arg,
);

export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: "*.bench.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60 * 60_000,
  reporter: [["list"]],
  globalSetup: "../setup/global-setup.ts",
  globalTeardown: "../setup/global-teardown.ts",
  use: {
    ...base.use,
    trace: "off",
    launchOptions: { ...base.use?.launchOptions, args },
  },
});
