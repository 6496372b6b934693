import { parseBucketSpec, type RateLimits } from "../../limits";
import { nodeAssets, ROOT, readSdkBundle } from "./assets";
import { startNodeServer } from "./server";

/**
 * The Node entry: API, built SDK, dashboard and demo on one port, with an embedded libSQL file.
 *
 * Environment: `PORT` (8787), `HOST` (0.0.0.0), `DATABASE_URL` (file:data/assent.db at the
 * repository root; or `libsql://...` with `DATABASE_AUTH_TOKEN`), `PUBLIC_URL` (when behind a
 * proxy), `ASSENT_ADMIN_EMAIL` and `ASSENT_ADMIN_PASSWORD` (the first start's owner account),
 * `RATE_LIMIT_IP` and `RATE_LIMIT_SITE` (receipts a minute, `PER_MINUTE[:BURST]`, or `off`).
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  const databaseUrl = process.env.DATABASE_URL ?? `file:${ROOT}data/assent.db`;
  const rateLimits: RateLimits = {};
  const perIp = parseBucketSpec(process.env.RATE_LIMIT_IP);
  const perSite = parseBucketSpec(process.env.RATE_LIMIT_SITE);
  if (perIp !== undefined) rateLimits.perIp = perIp;
  if (perSite !== undefined) rateLimits.perSite = perSite;
  const server = await startNodeServer({
    rateLimits,
    port,
    hostname: process.env.HOST ?? "0.0.0.0",
    databaseUrl,
    databaseAuthToken: process.env.DATABASE_AUTH_TOKEN,
    publicOrigin: process.env.PUBLIC_URL?.replace(/\/$/, ""),
    sdk: readSdkBundle(),
    assets: nodeAssets(),
    ownerEmail: process.env.ASSENT_ADMIN_EMAIL ?? "owner@assent.local",
    ownerPassword: process.env.ASSENT_ADMIN_PASSWORD || undefined,
  });
  if (server.generatedPassword) {
    console.log(
      [
        "",
        "  First start: an owner account was created for the dashboard.",
        `    email:    ${process.env.ASSENT_ADMIN_EMAIL ?? "owner@assent.local"}`,
        `    password: ${server.generatedPassword}`,
        "  It is shown only this once: sign in and keep it somewhere safe.",
        "",
      ].join("\n"),
    );
  }
  const { origin } = server;
  console.log(`Assent is running on ${origin} (${server.driver}: ${databaseUrl})`);
  console.log(`  demo site  ${origin}/demo/`);
  console.log(`  dashboard  ${origin}/admin/`);
  console.log(`  loader     ${origin}/s/demo.js`);
  if (server.port !== port) console.log(`  (listening on port ${server.port})`);

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
