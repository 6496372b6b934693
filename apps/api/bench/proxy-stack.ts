import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { request } from "node:https";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startBenchServer } from "./server";

const DEPLOY = fileURLToPath(new URL("../../../deploy/", import.meta.url));

/** Free ports on 127.0.0.1, each from the kernel (all held at once, so they differ). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(
    servers.map(
      (s) =>
        new Promise<number>((resolve, reject) => {
          s.once("error", reject);
          s.listen(0, "127.0.0.1", () => resolve((s.address() as { port: number }).port));
        }),
    ),
  );
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/** SIGTERM (an instance commits what it holds, Caddy drains), then SIGKILL after `ms`. */
export async function stopProcess(proc: ChildProcess | undefined, ms = 5_000): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once("exit", r));
  proc.kill("SIGTERM");
  const timer = setTimeout(() => proc.kill("SIGKILL"), ms);
  await exited;
  clearTimeout(timer);
}

/**
 * A Node instance as deploy/assent@.service runs it behind the proxy (`startBenchServer`: the
 * real entry, rate limits off, on 127.0.0.1), with the proxy's settings in its environment and
 * the `ASSENT_SECRET` every instance on the database shares.
 */
export async function startInstance(
  dbFile: string,
  port: number,
  publicUrl: string,
  secret: string,
): Promise<ChildProcess> {
  const extra = {
    PUBLIC_URL: publicUrl,
    TRUST_PROXY: "loopback",
    DEMO_PORT: "off",
    ASSENT_SECRET: secret,
  };
  const saved = Object.fromEntries(Object.keys(extra).map((k) => [k, process.env[k]]));
  Object.assign(process.env, extra);
  try {
    return await startBenchServer(dbFile, port);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Where Caddy is and how to reach the consent host through it. */
export interface CaddyOptions {
  /** The run's folder: Caddy's CA and certificates (XDG_*), its log, an empty site root. */
  dir: string;
  httpsPort: number;
  httpPort: number;
  /** The consent host's name (resolved by nobody: clients connect to 127.0.0.1 with SNI). */
  host: string;
  upstreams: number[];
}

/** GET through Caddy with the certificate checked against Caddy's own local root. */
function getVerified(o: CaddyOptions, ca: Buffer, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: o.httpsPort,
        path,
        servername: o.host,
        headers: { Host: `${o.host}:${o.httpsPort}` },
        ca,
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/**
 * Runs deploy/Caddyfile as the e2e suite does: admin API off, free ports, Caddy's local CA (not
 * installed anywhere), the consent host proxying to `upstreams`. Resolves once `/healthz`
 * answers through it over TLS verified against that CA; Caddy's log goes to `caddy-N.log`.
 */
export async function startCaddy(o: CaddyOptions, logName: string): Promise<ChildProcess> {
  const origin = `https://${o.host}:${o.httpsPort}`;
  mkdirSync(join(o.dir, "site"), { recursive: true });
  const log = openSync(join(o.dir, logName), "a");
  const proc = spawn(
    "caddy",
    ["run", "--adapter", "caddyfile", "--config", join(DEPLOY, "Caddyfile")],
    {
      env: {
        ...process.env,
        CADDY_ADMIN: "off",
        CADDY_HTTP_PORT: String(o.httpPort),
        CADDY_HTTPS_PORT: String(o.httpsPort),
        CADDY_GLOBAL_OPTIONS: "local_certs\n\tskip_install_trust",
        ASSENT_CONSENT_HOST: `${o.host}:${o.httpsPort}`,
        ASSENT_UPSTREAMS: o.upstreams.map((p) => `127.0.0.1:${p}`).join(" "),
        ASSENT_SITE_HOSTS: `www.assent.test:${o.httpsPort}`,
        ASSENT_SITE_ROOT: join(o.dir, "site"),
        ASSENT_ORIGIN: origin,
        XDG_DATA_HOME: join(o.dir, "caddy-data"),
        XDG_CONFIG_HOME: join(o.dir, "caddy-config"),
      },
      stdio: ["ignore", log, log],
    },
  );
  const root = join(o.dir, "caddy-data/caddy/pki/authorities/local/root.crt");
  for (let i = 0; i < 200 && proc.exitCode === null; i++) {
    try {
      if (existsSync(root) && (await getVerified(o, readFileSync(root), "/healthz")) === 200) {
        return proc;
      }
    } catch {
      // not listening yet, or the certificate is still being issued
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopProcess(proc);
  throw new Error(`Caddy did not serve ${origin}/healthz (see ${join(o.dir, logName)})`);
}
