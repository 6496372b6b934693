import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { DEPLOY, freePorts, readEnvFile } from "../setup/deployment";

/**
 * The deployment files in deploy/. The suite itself runs deploy/Caddyfile (with test hosts and
 * ports), each instance with deploy/assent@.service's command line and deploy/assent.env.example's
 * settings; these checks cover what the run does not: the production defaults.
 */

let scratch: string;
test.beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "assent-deploy-"));
});
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;

/** Only PATH from this environment (no CADDY_* or ASSENT_* leaking in), and `env`. */
const isolated = (env: Record<string, string>) => ({
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: scratch,
  XDG_DATA_HOME: join(scratch, "data"),
  XDG_CONFIG_HOME: join(scratch, "config"),
  ...env,
});

/** Runs a command in an isolated environment. */
function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", env: isolated(env) });
  return { ...result, output: `${result.stdout}${result.stderr}` };
}

/** What only a proxy or a CDN may say about the client, each claimed by a visitor. */
const CLAIMED = {
  forwarded: "for=198.51.100.7",
  "x-real-ip": "192.0.2.1",
  "true-client-ip": "192.0.2.2",
  "cf-connecting-ip": "192.0.2.3",
  "cf-ipcountry": "FR",
  "cloudfront-viewer-country": "DE",
  "x-vercel-ip-country": "IT",
  "x-country-code": "ES",
  "cf-region-code": "IDF",
  "cloudfront-viewer-country-region": "BE",
  "x-vercel-ip-country-region": "62",
  "x-region-code": "MD",
};

test.describe("deploy/Caddyfile", () => {
  test.skip(!has("caddy"), "caddy is not installed (.ci/run installs it)");
  const caddyfile = join(DEPLOY, "Caddyfile");

  test("is valid with its production defaults and with caddy.env.example", () => {
    for (const env of [{}, readEnvFile(join(DEPLOY, "caddy.env.example"))]) {
      const result = run(
        "caddy",
        ["validate", "--adapter", "caddyfile", "--config", caddyfile],
        env,
      );
      expect(result.status, result.output).toBe(0);
      expect(result.output).toContain("Valid configuration");
    }
  });

  test("without a GeoIP step of one's own, forwards none of the client's or location headers a visitor sends", async () => {
    const [http, https, upstreamPort] = freePorts(3) as [number, number, number];
    const received: IncomingHttpHeaders[] = [];
    const upstream = createServer((req, res) => {
      if (req.url === "/v1/echo") received.push(req.headers);
      res.end("ok");
    });
    await new Promise<void>((resolve) => upstream.listen(upstreamPort, "127.0.0.1", resolve));
    // Plain HTTP on free ports, the GeoIP hooks left at their defaults (empty).
    const caddy = spawn("caddy", ["run", "--adapter", "caddyfile", "--config", caddyfile], {
      env: isolated({
        CADDY_ADMIN: "off",
        CADDY_HTTP_PORT: String(http),
        CADDY_HTTPS_PORT: String(https),
        ASSENT_CONSENT_HOST: `http://127.0.0.1:${http}`,
        ASSENT_UPSTREAMS: `127.0.0.1:${upstreamPort}`,
        ASSENT_SITE_HOSTS: `http://localhost:${http}`,
        ASSENT_SITE_ROOT: scratch,
      }),
      stdio: "ignore",
    });
    try {
      const echo = () =>
        fetch(`http://127.0.0.1:${http}/v1/echo`, {
          headers: { ...CLAIMED, "x-forwarded-for": "203.0.113.9" },
        }).then(
          (res) => res.status,
          () => 0,
        );
      await expect.poll(echo, { timeout: 15_000 }).toBe(200);
      const forwarded = received.at(-1) ?? {};
      expect(forwarded["x-forwarded-for"]).toBe("127.0.0.1");
      for (const name of Object.keys(CLAIMED)) expect(forwarded).not.toHaveProperty(name);
    } finally {
      if (caddy.exitCode === null) {
        const exited = once(caddy, "exit");
        caddy.kill("SIGTERM");
        await exited;
      }
      upstream.close();
    }
  });

  test("is formatted as caddy fmt writes it", () => {
    const result = run("caddy", ["fmt", caddyfile]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toBe(readFileSync(caddyfile, "utf8"));
  });
});

test.describe("deploy/assent@.service", () => {
  test.skip(!has("systemd-analyze"), "systemd-analyze is not installed");

  test("passes systemd-analyze verify as instance assent@8787", () => {
    let unit = readFileSync(join(DEPLOY, "assent@.service"), "utf8");
    // verify checks that ExecStart's program exists: where node is elsewhere, name that one.
    if (!existsSync("/usr/bin/node")) unit = unit.replace("/usr/bin/node", process.execPath);
    writeFileSync(join(scratch, "assent@.service"), unit);
    writeFileSync(join(scratch, "assent@8787.service"), unit);
    const result = run("systemd-analyze", ["verify", join(scratch, "assent@8787.service")]);
    expect(result.status, result.output).toBe(0);
    // Unknown keys and unsafe settings are only warnings: none is allowed either.
    expect(result.output.split("\n").filter((l) => l.includes("assent@"))).toEqual([]);
  });
});

test("deploy/assent.env.example sets what a production instance behind Caddy needs", () => {
  const env = readEnvFile(join(DEPLOY, "assent.env.example"));
  expect(env).toMatchObject({
    NODE_ENV: "production",
    TRUST_PROXY: "loopback",
    HOST: "127.0.0.1",
    DEMO_PORT: "off",
  });
  expect(env.PUBLIC_URL).toMatch(/^https:\/\/[^/]+$/);
  expect(env.DATABASE_URL).toMatch(/^file:\/var\/lib\/assent\//);
  expect(env.PORT, "PORT comes from the instance name").toBeUndefined();
  expect(Object.keys(env)).toContain("ASSENT_SECRET");
  const caddy = readEnvFile(join(DEPLOY, "caddy.env.example"));
  expect(caddy.ASSENT_ORIGIN).toBe(env.PUBLIC_URL);
  expect(`https://${caddy.ASSENT_CONSENT_HOST}`).toBe(env.PUBLIC_URL);
});
