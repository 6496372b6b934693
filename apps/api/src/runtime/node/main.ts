import { openLibsql } from "@assent/db/libsql";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { createApp } from "../../app";
import { schedulePurge } from "../../retention";
import { seed } from "../../seed";
import { nodeAssets, ROOT, readSdkBundle } from "./assets";

/**
 * The Node entry: API, built SDK, dashboard and demo on one port, with an embedded libSQL file.
 *
 * Environment: `PORT` (8787), `HOST` (0.0.0.0), `DATABASE_URL` (file:data/assent.db at the
 * repository root; or `libsql://...` with `DATABASE_AUTH_TOKEN`), `PUBLIC_URL` (when behind a
 * proxy), `ASSENT_ADMIN_EMAIL` and `ASSENT_ADMIN_PASSWORD` (the first start's owner account).
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  const hostname = process.env.HOST ?? "0.0.0.0";
  const databaseUrl = process.env.DATABASE_URL ?? `file:${ROOT}data/assent.db`;
  const publicOrigin = process.env.PUBLIC_URL?.replace(/\/$/, "");
  const origin = publicOrigin ?? `http://localhost:${port}`;

  const sdk = readSdkBundle();
  const handle = await openLibsql({ url: databaseUrl, authToken: process.env.DATABASE_AUTH_TOKEN });
  const seeded = await seed(handle.db, {
    origin,
    ownerEmail: process.env.ASSENT_ADMIN_EMAIL ?? "owner@assent.local",
    ownerPassword: process.env.ASSENT_ADMIN_PASSWORD || undefined,
    now: Date.now(),
  });
  if (seeded.createdOwner?.password) {
    console.log(
      [
        "",
        "  First start: an owner account was created for the dashboard.",
        `    email:    ${seeded.createdOwner.email}`,
        `    password: ${seeded.createdOwner.password}`,
        "  It is shown only this once: sign in and keep it somewhere safe.",
        "",
      ].join("\n"),
    );
  }

  const app = createApp({
    db: handle.db,
    sdk,
    assets: nodeAssets(),
    publicOrigin,
    clientIp: (c) => {
      try {
        return getConnInfo(c).remote.address ?? null;
      } catch {
        return null;
      }
    },
  });

  const stopPurge = schedulePurge(handle.db);

  const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
    console.log(`Assent is running on ${origin} (${handle.driver}: ${databaseUrl})`);
    console.log(`  demo site  ${origin}/demo/`);
    console.log(`  dashboard  ${origin}/admin/`);
    console.log(`  loader     ${origin}/s/demo.js`);
    if (info.port !== port) console.log(`  (listening on port ${info.port})`);
  });

  const shutdown = (signal: string) => {
    console.log(`${signal}: closing`);
    stopPurge();
    server.close(() => {
      void handle.close().then(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
