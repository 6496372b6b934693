import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { localFilePath } from "@assent/db/libsql";
import { parseBucketSpec, type RateLimits } from "../../limits";
import { parseTrustProxy } from "../../network";
import { nodeSecretSource, type SigningSecrets, secretProblem } from "../../signing";
import { parseWitnessPrivateNetworks } from "../../witness";
import { nodeAssets, ROOT, readSdkBundle } from "./assets";
import { startNodeServer } from "./server";

/**
 * The demo site's port: `DEMO_PORT`, or 8788 outside production; `off` (and production without
 * `DEMO_PORT`) serves no demo.
 */
function demoPort(env: NodeJS.ProcessEnv): number | undefined {
  const text = env.DEMO_PORT?.trim().toLowerCase();
  if (text === "off" || text === "false") return undefined;
  if (!text) return env.NODE_ENV === "production" ? undefined : 8788;
  if (!/^\d+$/.test(text)) throw new Error(`DEMO_PORT is a port number or "off", not "${text}"`);
  return Number(text);
}

/**
 * Outside production without `ASSENT_SECRET`: the secret in a file beside the database
 * (`data/assent.db` -> `data/assent.secret`), created with 32 random bytes and mode 0600 on the
 * first start. Says which, once.
 */
function localSecrets(databaseUrl: string, previous?: string): SigningSecrets {
  const db = databaseUrl.startsWith("file:") ? localFilePath(databaseUrl) : `${ROOT}data/assent.db`;
  const path = db.replace(/(\.db)?$/, ".secret");
  let created = false;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
    created = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const current = readFileSync(path, "utf8").trim();
  const problem = secretProblem(current, path);
  if (problem) throw new Error(problem);
  console.log(
    `ASSENT_SECRET is not set: the signing keys are encrypted with the secret ${created ? "generated in" : "in"} ${path} (production requires ASSENT_SECRET).`,
  );
  return previous ? { current, previous } : { current };
}

/**
 * The Node entry: API, built SDK and dashboard on one port, the demo site on another (its own
 * origin), with an embedded libSQL file.
 *
 * Environment: `PORT` (8787), `HOST` (0.0.0.0), `DATABASE_URL` (file:data/assent.db at the
 * repository root; or `libsql://...` with `DATABASE_AUTH_TOKEN`), `PUBLIC_URL` (the origin
 * browsers use, e.g. `https://consent.example.org`; without it, loopback only), `TRUST_PROXY`
 * (whose forwarded headers to believe: `loopback`, a hop count, or addresses and ranges; nobody
 * by default), `TRUST_PROXY_HEADER` (the one forwarding header that proxy writes:
 * `x-forwarded-for` by default, or `forwarded`), `DEMO_PORT` (8788 outside production, `off`), `ASSENT_ADMIN_EMAIL` and
 * `ASSENT_ADMIN_PASSWORD` (the first start's owner account), `RATE_LIMIT_IP` and
 * `RATE_LIMIT_SITE` (receipts a minute, `PER_MINUTE[:BURST]`, or `off`), `ASSENT_SECRET` (encrypts
 * the signing keys at rest; required when `NODE_ENV=production`, else kept in a file beside the
 * database), `ASSENT_SECRET_PREVIOUS` (the one it replaces, during a rotation) and
 * `WITNESS_PRIVATE_NETWORKS` (`allow`: site owners may list witnesses on private, loopback and
 * link-local addresses, over http; refused by default).
 */
async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.PORT ?? 8787);
  const databaseUrl = env.DATABASE_URL ?? `file:${ROOT}data/assent.db`;
  const source = nodeSecretSource(env);
  if (source.kind === "refuse") throw new Error(source.message);
  const secrets =
    source.kind === "env" ? source.secrets : localSecrets(databaseUrl, source.previous);
  const rateLimits: RateLimits = {};
  const perIp = parseBucketSpec(env.RATE_LIMIT_IP);
  const perSite = parseBucketSpec(env.RATE_LIMIT_SITE);
  if (perIp !== undefined) rateLimits.perIp = perIp;
  if (perSite !== undefined) rateLimits.perSite = perSite;
  const trustProxy = parseTrustProxy(env.TRUST_PROXY, env.TRUST_PROXY_HEADER);
  const witnessPrivateNetworks = parseWitnessPrivateNetworks(env.WITNESS_PRIVATE_NETWORKS);
  const server = await startNodeServer({
    rateLimits,
    port,
    hostname: env.HOST ?? "0.0.0.0",
    databaseUrl,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN,
    publicUrl: env.PUBLIC_URL || undefined,
    trustProxy,
    witnessPrivateNetworks,
    demoPort: demoPort(env),
    sdk: readSdkBundle(),
    assets: nodeAssets(),
    ownerEmail: env.ASSENT_ADMIN_EMAIL ?? "owner@assent.local",
    ownerPassword: env.ASSENT_ADMIN_PASSWORD || undefined,
    secrets,
  });
  const { sealed = 0, resealed = 0 } = server.keyProtection ?? {};
  if (sealed + resealed > 0) {
    console.log(`Signing keys: ${sealed} encrypted, ${resealed} re-encrypted with ASSENT_SECRET.`);
  }
  if (secrets.previous) {
    console.log("Every signing key is now under ASSENT_SECRET: remove ASSENT_SECRET_PREVIOUS.");
  }
  if (server.generatedPassword) {
    console.log(
      [
        "",
        "  First start: an owner account was created for the dashboard.",
        `    email:    ${env.ASSENT_ADMIN_EMAIL ?? "owner@assent.local"}`,
        `    password: ${server.generatedPassword}`,
        "  It is shown only this once: sign in and keep it somewhere safe.",
        "",
      ].join("\n"),
    );
  }
  const { origin } = server;
  console.log(`Assent is running on ${origin} (${server.driver}: ${databaseUrl})`);
  console.log(`  dashboard  ${origin}/admin/`);
  console.log(`  loader     ${origin}/s/demo.js`);
  if (server.demoOrigin) console.log(`  demo site  ${server.demoOrigin}/ (an origin of its own)`);
  if (server.port !== port) console.log(`  (listening on port ${server.port})`);
  if (!env.PUBLIC_URL) {
    console.log(
      "  Answering on localhost only. Behind a proxy or on a domain, set PUBLIC_URL (e.g.\n" +
        "  https://consent.example.org) and TRUST_PROXY (e.g. loopback); see deploy/README.md.",
    );
  }
  if (trustProxy.kind === "none" && env.PUBLIC_URL) {
    console.log("  TRUST_PROXY is not set: the socket's peer counts as the client address.");
  }
  if (witnessPrivateNetworks) {
    console.log(
      "  WITNESS_PRIVATE_NETWORKS=allow: witnesses may be on this server's own networks.",
    );
  }

  const shutdown = (signal: string) => {
    console.log(`${signal}: closing`);
    void server.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
