import { autoblockSource, loaderSource, sdkFiles, uiPath } from "assent:sdk";
import { API_ERRORS, fullSubdivision } from "@assent/core";
import { type D1Like, openD1 } from "@assent/db/d1";
import type { Hono } from "hono";
import { createApp } from "../../app";
import { parseBucketSpec, type RateLimits } from "../../limits";
import { countryCode, fixedOrigin, normalizeIp, parsePublicUrl } from "../../network";
import { archiveSdk, recordWording } from "../../sdk-archive";
import { seed } from "../../seed";
import {
  checkSecrets,
  protectSigningKeys,
  SigningKeyUnreadableError,
  type SigningSecrets,
} from "../../signing";
import { protectLogKeys } from "../../transparency";
import { protectWitnessKey } from "../../witness";
import { workerBudget } from "./d1-budget";
import { type CronEvent, LOG_CRON, purgeOnSchedule, runMinuteJobs } from "./scheduled";

/** Bindings and variables of the Worker (see `wrangler.jsonc`). */
export interface WorkerEnv {
  DB: D1Like;
  /** Static files (the built SDK under `/sdk/`), served before the Worker runs. */
  ASSETS?: { fetch(request: Request): Promise<Response> };
  PUBLIC_URL?: string;
  ASSENT_ADMIN_EMAIL?: string;
  ASSENT_ADMIN_PASSWORD?: string;
  /** Encrypts the signing keys in D1 (`wrangler secret put ASSENT_SECRET`); required. */
  ASSENT_SECRET?: string;
  /** The secret `ASSENT_SECRET` replaced, during a rotation (see the README). */
  ASSENT_SECRET_PREVIOUS?: string;
  /** Receipts a minute per address and per site, `PER_MINUTE[:BURST]` or `off` (per isolate). */
  RATE_LIMIT_IP?: string;
  RATE_LIMIT_SITE?: string;
  /** Tests only: a lower budget per invocation, as JSON (`workerBudget`, `d1-budget.ts`). */
  ASSENT_TEST_D1_BUDGET?: string;
}

/**
 * Every URL the Worker emits and every origin it checks come from `PUBLIC_URL`, never from the
 * request: without it the Worker refuses to serve rather than guess.
 */
const PUBLIC_URL_REQUIRED = () =>
  Response.json(
    {
      error: {
        code: "PUBLIC_URL_REQUIRED",
        message: "Set PUBLIC_URL (the Worker's public origin) in wrangler.jsonc vars",
      },
    },
    { status: API_ERRORS.PUBLIC_URL_REQUIRED.status },
  );

/**
 * The signing keys in D1 are encrypted with `ASSENT_SECRET`: without a usable one the Worker
 * refuses to serve rather than keep private keys readable by anyone holding a D1 export.
 */
const ASSENT_SECRET_REQUIRED = (problem: string) =>
  Response.json(
    {
      error: {
        code: "ASSENT_SECRET_REQUIRED",
        message: `${problem}; set it with \`wrangler secret put ASSENT_SECRET\``,
      },
    },
    { status: API_ERRORS.ASSENT_SECRET_REQUIRED.status },
  );

/** Workers cap PBKDF2 at 100,000 iterations. */
const WORKER_PBKDF2_ITERATIONS = 100_000;

/** The app once booted. Concurrent first requests each boot (Workers forbid sharing their I/O). */
/** The isolate's app, booted once: concurrent first requests wait on the same boot. */
let ready: Promise<Hono> | undefined;

async function boot(
  env: WorkerEnv & { PUBLIC_URL: string },
  secrets: SigningSecrets,
): Promise<Hono> {
  const { db } = await openD1(env.DB);
  await protectSigningKeys(db, secrets);
  await protectLogKeys(db, secrets);
  await protectWitnessKey(db, secrets);
  const origin = fixedOrigin(env.PUBLIC_URL);
  const seeded = await seed(db, {
    origin: parsePublicUrl(env.PUBLIC_URL),
    ownerEmail: env.ASSENT_ADMIN_EMAIL ?? "owner@assent.local",
    ownerPassword: env.ASSENT_ADMIN_PASSWORD || undefined,
    // Workers logs are read by more people than the operator: no password goes there.
    generateOwnerPassword: false,
    now: Date.now(),
    passwordIterations: WORKER_PBKDF2_ITERATIONS,
  });
  if (seeded.createdOwner) {
    console.log(`First start: owner ${seeded.createdOwner.email} created (ASSENT_ADMIN_PASSWORD)`);
  }
  if (seeded.ownerMissing) {
    console.log(
      "No owner account yet: set its password with `wrangler secret put ASSENT_ADMIN_PASSWORD`;" +
        ` the owner (${env.ASSENT_ADMIN_EMAIL ?? "owner@assent.local"}) is created with it on the next start`,
    );
  }
  const sdk = { loaderSource, uiPath, autoblockSource, files: sdkFiles };
  // Other deployments' Workers (a gradual rollout, a cached loader) serve this build's chunks
  // too. Not recorded, they are only missing to another build: the Worker serves all the same.
  await archiveSdk(db, sdk, Date.now()).catch((err: unknown) =>
    console.error("[assent] SDK build not recorded", err),
  );
  // The texts its receipts name (`wording`), kept in D1 while a receipt names them.
  await recordWording(db, sdk, Date.now()).catch((err: unknown) =>
    console.error("[assent] SDK standard wording not recorded", err),
  );
  const rateLimits: RateLimits = {};
  const perIp = parseBucketSpec(env.RATE_LIMIT_IP);
  const perSite = parseBucketSpec(env.RATE_LIMIT_SITE);
  if (perIp !== undefined) rateLimits.perIp = perIp;
  if (perSite !== undefined) rateLimits.perSite = perSite;
  return createApp({
    rateLimits,
    db,
    sdk,
    origin,
    // Cloudflare sets these (a client cannot): the visitor's address, and the country and
    // region (ISO 3166-2 code, e.g. "CA") it found.
    client: (c) => {
      const cf = (c.req.raw as { cf?: { country?: string; regionCode?: string } }).cf;
      const country = countryCode(cf?.country);
      const subdivision = fullSubdivision({ country, subdivision: cf?.regionCode });
      return {
        ip: normalizeIp(c.req.header("CF-Connecting-IP")),
        country,
        ...(subdivision ? { subdivision } : {}),
      };
    },
    ingest: { groupCommit: false },
    logIntegrationSeconds: 60,
    passwordIterations: WORKER_PBKDF2_ITERATIONS,
    budget: workerBudget(env.ASSENT_TEST_D1_BUDGET),
  });
}

/**
 * The Cloudflare Workers entry: D1 for storage, the SDK's loader bundled in as text; the
 * retention purge runs on its Cron Trigger (`PURGE_CRON`), the transparency log's integration
 * on another (`LOG_CRON`, every minute, with the witnesses' submissions and a retention run
 * that stopped at its budget). Every invocation plans its D1 queries within `workerBudget`.
 */
export default {
  async fetch(request: Request, env: WorkerEnv, ctx: unknown): Promise<Response> {
    if (!env.PUBLIC_URL) return PUBLIC_URL_REQUIRED();
    const secrets = checkSecrets(env.ASSENT_SECRET, env.ASSENT_SECRET_PREVIOUS);
    if (!secrets.ok) return ASSENT_SECRET_REQUIRED(secrets.message);
    let app: Hono;
    try {
      ready ??= boot({ ...env, PUBLIC_URL: env.PUBLIC_URL }, secrets.secrets).catch((err) => {
        // Tried again by the next request.
        ready = undefined;
        throw err;
      });
      app = await ready;
    } catch (err) {
      if (!(err instanceof SigningKeyUnreadableError)) throw err;
      const error = { code: err.code, message: err.message };
      return Response.json({ error }, { status: 500 });
    }
    return app.fetch(request, env, ctx as never);
  },
  async scheduled(
    controller: CronEvent,
    env: WorkerEnv,
    ctx: { waitUntil(promise: Promise<unknown>): void },
  ): Promise<void> {
    const budget = workerBudget(env.ASSENT_TEST_D1_BUDGET);
    if (controller.cron !== LOG_CRON) {
      ctx.waitUntil(purgeOnSchedule(env.DB, controller, undefined, budget));
      return;
    }
    const secrets = checkSecrets(env.ASSENT_SECRET, env.ASSENT_SECRET_PREVIOUS);
    if (!env.PUBLIC_URL || !secrets.ok) {
      console.error("[assent] log integration needs PUBLIC_URL and ASSENT_SECRET");
      return;
    }
    const config = { publicUrl: parsePublicUrl(env.PUBLIC_URL), secrets: secrets.secrets };
    // The new checkpoints go to the sites' witnesses too (a witness down waits for next minute).
    // Cloudflare's fetch cannot reach private networks or the Worker's own host, so the only
    // checks needed here are the URL's (private address literals refused, redirects not followed).
    ctx.waitUntil(runMinuteJobs(env.DB, config, controller, budget));
  },
};
