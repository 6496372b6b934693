import { loaderSource, uiPath } from "assent:sdk";
import { type D1Like, openD1 } from "@assent/db/d1";
import type { Hono } from "hono";
import { createApp } from "../../app";
import { parseBucketSpec, type RateLimits } from "../../limits";
import { seed } from "../../seed";
import { type CronEvent, purgeOnSchedule } from "./scheduled";

/** Bindings and variables of the Worker (see `wrangler.jsonc`). */
export interface WorkerEnv {
  DB: D1Like;
  /** Static files (the built SDK under `/sdk/`), served before the Worker runs. */
  ASSETS?: { fetch(request: Request): Promise<Response> };
  PUBLIC_URL?: string;
  ASSENT_ADMIN_EMAIL?: string;
  ASSENT_ADMIN_PASSWORD?: string;
  /** Receipts a minute per address and per site, `PER_MINUTE[:BURST]` or `off` (per isolate). */
  RATE_LIMIT_IP?: string;
  RATE_LIMIT_SITE?: string;
}

/** Workers cap PBKDF2 at 100,000 iterations. */
const WORKER_PBKDF2_ITERATIONS = 100_000;

/** The app once booted. Concurrent first requests each boot (Workers forbid sharing their I/O). */
let ready: Hono | undefined;

async function boot(env: WorkerEnv, request: Request): Promise<Hono> {
  const { db } = await openD1(env.DB);
  const origin = env.PUBLIC_URL?.replace(/\/$/, "") ?? new URL(request.url).origin;
  const seeded = await seed(db, {
    origin,
    ownerEmail: env.ASSENT_ADMIN_EMAIL ?? "owner@assent.local",
    ownerPassword: env.ASSENT_ADMIN_PASSWORD || undefined,
    now: Date.now(),
    passwordIterations: WORKER_PBKDF2_ITERATIONS,
  });
  if (seeded.createdOwner?.password) {
    console.log(
      `First start: owner ${seeded.createdOwner.email} / ${seeded.createdOwner.password}`,
    );
  }
  const rateLimits: RateLimits = {};
  const perIp = parseBucketSpec(env.RATE_LIMIT_IP);
  const perSite = parseBucketSpec(env.RATE_LIMIT_SITE);
  if (perIp !== undefined) rateLimits.perIp = perIp;
  if (perSite !== undefined) rateLimits.perSite = perSite;
  return createApp({
    rateLimits,
    db,
    sdk: { loaderSource, uiPath },
    publicOrigin: env.PUBLIC_URL?.replace(/\/$/, ""),
    clientIp: (c) => c.req.header("CF-Connecting-IP") ?? null,
    ingest: { groupCommit: false },
  });
}

/**
 * The Cloudflare Workers entry: D1 for storage, the SDK's loader bundled in as text; the
 * retention purge runs on the Cron Trigger (`PURGE_CRON`).
 */
export default {
  async fetch(request: Request, env: WorkerEnv, ctx: unknown): Promise<Response> {
    ready ??= await boot(env, request);
    return ready.fetch(request, env, ctx as never);
  },
  async scheduled(
    controller: CronEvent,
    env: WorkerEnv,
    ctx: { waitUntil(promise: Promise<unknown>): void },
  ): Promise<void> {
    ctx.waitUntil(purgeOnSchedule(env.DB, controller));
  },
};
