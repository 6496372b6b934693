import type { Database } from "@assent/db";
import type { Context, MiddlewareHandler } from "hono";
import type { BodyEncoder } from "./encoding";
import type { InvocationBudget, RateLimits } from "./limits";
import type { ClientInfo, PublicOrigin } from "./network";
import type { AppendLog, IngestLimits } from "./receipts";

/** The built browser SDK, as the runtime found it. */
export interface SdkBundle {
  /** Source of the loader (IIFE) that `/s/:siteKey.js` serves after the site's inlined config. */
  loaderSource: string;
  /** Path of the UI chunk under `/sdk/`, e.g. `/sdk/ui-3f2a1c.js` (content-hashed). */
  uiPath: string;
  /** Source of the auto-blocking script (IIFE), composed before the loader for `?autoblock`. */
  autoblockSource?: string;
  /**
   * The build's content-hashed modules (path under `/sdk/` to source), recorded at start in the
   * database the instances share, so that any instance serves any recent build's chunks
   * (`sdk-archive`); absent, this build is not recorded.
   */
  files?: Readonly<Record<string, string>>;
}

/** Static files a runtime can serve; each handler answers or calls `next()`. */
export interface StaticAssets {
  /** The built SDK under `/sdk/*`. */
  sdk?: MiddlewareHandler;
  /** The dashboard under `/admin/*`, falling back to its `index.html`. */
  dashboard?: MiddlewareHandler;
}

/**
 * Everything the app needs from its runtime. Each runtime adapter (`runtime/node`,
 * `runtime/workers`) builds these and hands them to `createApp`; the app never imports a runtime.
 */
export interface AppDeps {
  db: Database;
  sdk: SdkBundle;
  assets?: StaticAssets;
  /**
   * Who sent a request: the client's address and country, as the runtime can trust them (the
   * socket's peer, or a trusted proxy's headers; see `network/trust-proxy.ts`).
   */
  client(c: Context): ClientInfo;
  /**
   * The origin browsers reach this API on (`PUBLIC_URL`); every absolute URL and origin check
   * uses it, never the Host header.
   */
  origin: PublicOrigin;
  /**
   * Where receipts are appended: `inProcessLog(db)` when absent (Workers, `:memory:`, tests);
   * the Node entry passes its commit thread's log for a libSQL file.
   */
  appendLog?: AppendLog;
  /**
   * How receipts are grouped into appends: `maxBatch` receipts at most (256); `groupCommit` off
   * where requests may not share I/O (Workers).
   */
  ingest?: IngestLimits;
  /**
   * Rate limits of `POST /v1/receipts` (per address, per site; `DEFAULT_RATE_LIMITS` when
   * absent); `false` turns them off, e.g. for a load test from one address.
   */
  rateLimits?: RateLimits | false;
  /**
   * Compresses what the server sends to browsers itself (the loaders, the SDK, the published
   * configs, the dashboard's files) in the best coding each accepts (`encoding/`); absent where
   * the platform does it (Cloudflare's edge), or in tests.
   */
  encoder?: BodyEncoder;
  /**
   * PBKDF2 iterations of new password hashes and of the check made for an unknown account
   * (`DEFAULT_ITERATIONS`, 600,000, when absent). Cloudflare Workers refuse more than 100,000.
   */
  passwordIterations?: number;
  /**
   * Makes what an erasure removed unrecoverable from the storage files: on a libSQL file, a
   * checkpoint that truncates the write-ahead log (deleted content is zeroed by `secure_delete`).
   * Absent where the platform manages the files (D1, a libSQL server).
   */
  scrubErased?(): Promise<void>;
  /**
   * Seconds within which a stored receipt is in a signed checkpoint of its site's log (the
   * `Retry-After` of `NOT_YET_LOGGED`): 1 on Node's integration loop (the default), 60 on the
   * Worker's cron.
   */
  logIntegrationSeconds?: number;
  /**
   * Witness URLs may name private, loopback and link-local addresses and use `http:`
   * (`WITNESS_PRIVATE_NETWORKS=allow`: tests, a private deployment); refused when absent, so no
   * site owner can point the server at its own network (`witness/witness-url.ts`).
   */
  witnessPrivateNetworks?: boolean;
  /**
   * What one request may do, as the runtime limits an invocation (`NO_INVOCATION_LIMITS`, Node's,
   * when absent; the Worker's is D1's): an export plans its reads within it and ends with a
   * continuation marker when the rest would not fit.
   */
  budget?: InvocationBudget;
  /** Clock, replaceable in tests. */
  now?: () => number;
}
