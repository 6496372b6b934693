import { isMemoryUrl, localFilePath, openLibsql, truncateWriteAheadLog } from "@assent/db/libsql";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { createApp } from "../../app";
import type { SdkBundle, StaticAssets } from "../../deps";
import type { RateLimits } from "../../limits";
import {
  fixedOrigin,
  loopbackHosts,
  loopbackOrigin,
  parsePublicUrl,
  resolveClient,
  type TrustProxy,
} from "../../network";
import { schedulePurge } from "../../retention";
import { archiveSdk, recordWording } from "../../sdk-archive";
import { allowDemoOrigins, seed } from "../../seed";
import { type ProtectionReport, protectSigningKeys, type SigningSecrets } from "../../signing";
import { type IntegrationLoop, protectLogKeys, scheduleLogIntegration } from "../../transparency";
import { protectWitnessKey, type SubmissionLoop, scheduleWitnessSubmission } from "../../witness";
import { nodeBodyEncoder } from "./body-encoder";
import { demoSiteApp } from "./demo-site";
import { type ThreadedLog, threadedLog } from "./threaded-log";
import { witnessFetch } from "./witness-fetch";

/** How to run the Node server. */
export interface NodeServerOptions {
  port: number;
  hostname: string;
  /** `file:...`, `:memory:` or `libsql://...`. */
  databaseUrl: string;
  databaseAuthToken?: string;
  /**
   * The public origin (`PUBLIC_URL`); without it the server answers on loopback host names only
   * (`loopbackOrigin(port)`).
   */
  publicUrl?: string;
  /** Which proxies' forwarded headers are believed (`TRUST_PROXY`; nobody by default). */
  trustProxy?: TrustProxy;
  /** Serve the demo site on this port, an origin of its own (off when absent). */
  demoPort?: number;
  sdk: SdkBundle;
  assets?: StaticAssets;
  ownerEmail: string;
  ownerPassword?: string;
  /**
   * Secrets the signing keys are encrypted with (`ASSENT_SECRET`, `ASSENT_SECRET_PREVIOUS`);
   * stored keys are brought to `current` before the server starts. Without them (tests) keys are
   * sealed with a secret that lasts as long as the process.
   */
  secrets?: SigningSecrets;
  /** Receipt rate limits (`DEFAULT_RATE_LIMITS` when absent; `false`: off). */
  rateLimits?: RateLimits | false;
  /** HTTP limits of the socket layer (`NODE_HTTP_LIMITS` when absent). */
  http?: Partial<HttpLimits>;
  /**
   * Witnesses may be on private, loopback and link-local addresses, over `http:`
   * (`WITNESS_PRIVATE_NETWORKS=allow`; refused when absent).
   */
  witnessPrivateNetworks?: boolean;
}

/** What the Node HTTP server allows a connection before it answers or hangs up. */
export interface HttpLimits {
  /** Largest request head (request line and headers), bytes; larger gets `431`. */
  maxHeaderSize: number;
  /** Time to receive the headers, ms; a client that stalls is cut off. */
  headersTimeout: number;
  /** Time to receive the whole request, body included, ms; then `408` and the socket closes. */
  requestTimeout: number;
  /** How often those two timeouts are checked, ms. */
  connectionsCheckingInterval: number;
  /** Idle time of a kept-alive connection, ms. */
  keepAliveTimeout: number;
}

/**
 * A slow or never-finishing request cannot hold a connection for long: 10 s to send the headers,
 * 30 s for the whole request (a receipt is at most 8 KB), checked every second.
 */
export const NODE_HTTP_LIMITS: HttpLimits = {
  maxHeaderSize: 16 * 1024,
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  connectionsCheckingInterval: 1_000,
  keepAliveTimeout: 5_000,
};

/** A running Node server. */
export interface NodeServer {
  port: number;
  /** The public origin (`PUBLIC_URL`), or `http://localhost:PORT`. */
  origin: string;
  /** The demo site's origin, when it is served. */
  demoOrigin?: string;
  driver: string;
  /** The owner password generated on first start, if one was. */
  generatedPassword?: string;
  /** Stored signing keys this start encrypted (plaintext) or re-encrypted (previous secret). */
  keyProtection?: ProtectionReport;
  /** The transparency log's integration loop (a pass every 250 ms; `flush()` runs one now). */
  logIntegration: IntegrationLoop;
  /** The loop that submits new checkpoints to the sites' witnesses (`flush()` runs a round now). */
  witnessSubmission: SubmissionLoop;
  close(): Promise<void>;
}

/** Listens with `fetch` on a port (0: any free one) and resolves once listening. */
function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  hostname: string,
  http: Partial<HttpLimits> = {},
): Promise<{ server: ReturnType<typeof serve>; port: number }> {
  return new Promise((resolve, reject) => {
    const { keepAliveTimeout, ...serverOptions } = { ...NODE_HTTP_LIMITS, ...http };
    const s = serve({ fetch, port, hostname, serverOptions }, (info) =>
      resolve({ server: s, port: info.port }),
    );
    s.once("error", reject);
    (s as unknown as { keepAliveTimeout: number }).keepAliveTimeout = keepAliveTimeout;
  });
}

/**
 * `fetch` that counts the requests it is answering; `settled()` resolves once none is left
 * (received receipts committed and answered), or after `timeoutMs`.
 */
function inFlight(fetch: (request: Request, ...rest: never[]) => Response | Promise<Response>) {
  let open = 0;
  return {
    // The rest carries the server's bindings (the socket, for `getConnInfo`).
    fetch: async (request: Request, ...rest: never[]) => {
      open++;
      try {
        return await fetch(request, ...rest);
      } finally {
        open--;
      }
    },
    settled: async (timeoutMs = 5000) => {
      const until = Date.now() + timeoutMs;
      while (open > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    },
  };
}

/**
 * Opens the database, seeds it on first start, and serves the app. The client is the socket's
 * peer unless `trustProxy` trusts it, and every URL the app emits uses the public origin.
 */
export async function startNodeServer(options: NodeServerOptions): Promise<NodeServer> {
  const url = options.databaseUrl;
  // A file's log loads its threads while the database opens.
  const log =
    url.startsWith("file:") && !isMemoryUrl(url) ? threadedLog(localFilePath(url)) : undefined;
  try {
    return await openAndServe(options, log);
  } catch (err) {
    await log?.close();
    throw err;
  }
}

/** `startNodeServer` once the log (if any) is starting: opens the database and serves. */
async function openAndServe(options: NodeServerOptions, log?: ThreadedLog): Promise<NodeServer> {
  const handle = await openLibsql({
    url: options.databaseUrl,
    authToken: options.databaseAuthToken,
  });
  const keyProtection =
    options.secrets &&
    (await protectSigningKeys(handle.db, options.secrets)
      .then(async (report) => {
        await protectLogKeys(handle.db, options.secrets as SigningSecrets);
        await protectWitnessKey(handle.db, options.secrets as SigningSecrets);
        return report;
      })
      .catch(async (err: unknown) => {
        await handle.close(); // a wrong secret: nothing starts
        throw err;
      }));
  if (keyProtection && keyProtection.sealed > 0 && handle.driver === "libsql-file") {
    // The plaintext keys' old page images leave the write-ahead log too.
    await truncateWriteAheadLog(handle.client);
  }
  let listeningPort = options.port;
  const origin = options.publicUrl
    ? fixedOrigin(options.publicUrl)
    : loopbackOrigin(() => listeningPort);
  const provisional = options.publicUrl
    ? parsePublicUrl(options.publicUrl)
    : `http://localhost:${options.port}`;
  const seeded = await seed(handle.db, {
    origin: provisional,
    ownerEmail: options.ownerEmail,
    ownerPassword: options.ownerPassword,
    now: Date.now(),
  });
  // The other instances (and those of the next build) serve this build's chunks too. Not
  // recorded, they are only missing to another build: this instance serves all the same.
  await archiveSdk(handle.db, options.sdk, Date.now()).catch((err: unknown) =>
    console.error("[assent] SDK build not recorded", err),
  );
  // The texts its receipts name (`wording`), kept while a receipt names them. Not recorded, its
  // receipts still are: the dashboard then says their standard wording is not on record.
  await recordWording(handle.db, options.sdk, Date.now()).catch((err: unknown) =>
    console.error("[assent] SDK standard wording not recorded", err),
  );
  const trust = options.trustProxy ?? { kind: "none" };
  await log?.ready().catch(async (err: unknown) => {
    await handle.close();
    throw err;
  });
  // The SDK's files are coded before any visitor asks for them; each loader on its first request.
  const encoder = nodeBodyEncoder();
  encoder.warm(Object.values(options.sdk.files ?? {}));
  const app = createApp({
    db: handle.db,
    sdk: options.sdk,
    assets: options.assets,
    encoder,
    origin,
    rateLimits: options.rateLimits,
    witnessPrivateNetworks: options.witnessPrivateNetworks ?? false,
    ...(handle.driver === "libsql-file"
      ? { scrubErased: () => truncateWriteAheadLog(handle.client) }
      : {}),
    ...(log ? { appendLog: log } : {}),
    client: (c) => {
      let socket: string | undefined;
      try {
        socket = getConnInfo(c).remote.address;
      } catch {}
      return resolveClient(socket, (name) => c.req.header(name), trust);
    },
  });
  const stopPurge = schedulePurge(handle.db);
  const requests = inFlight(app.fetch);
  const { server, port } = await listen(
    requests.fetch,
    options.port,
    options.hostname,
    options.http,
  );
  listeningPort = port;
  const publicOrigin = options.publicUrl ? provisional : `http://localhost:${port}`;
  // Receipts and configs join their site's transparency log off the ingestion path; on a file
  // its writes go through the commit thread, so no lock wait or fsync blocks this event loop.
  const logIntegration = scheduleLogIntegration(handle.db, {
    publicOrigin: () => publicOrigin,
    ...(log
      ? {
          write: (statements) =>
            log.commit(statements.map(({ sql, args }) => ({ sql, rows: [args] }))),
        }
      : {}),
  });
  // New checkpoints go to the sites' witnesses beside it, never in its way, and only ever to
  // public addresses (unless the operator allows private networks).
  const privateNetworks = options.witnessPrivateNetworks ?? false;
  const witnessSubmission = scheduleWitnessSubmission(handle.db, {
    privateNetworks,
    fetch: witnessFetch({ privateNetworks }),
  });
  const demo =
    options.demoPort === undefined
      ? null
      : await listen(demoSiteApp(publicOrigin).fetch, options.demoPort, options.hostname);
  if (demo) {
    await allowDemoOrigins(
      handle.db,
      loopbackHosts(demo.port).map((h) => `http://${h}`),
    );
  }
  return {
    port,
    origin: publicOrigin,
    ...(demo ? { demoOrigin: `http://localhost:${demo.port}` } : {}),
    driver: handle.driver,
    generatedPassword: seeded.createdOwner?.password,
    ...(keyProtection ? { keyProtection } : {}),
    logIntegration,
    witnessSubmission,
    close: async () => {
      stopPurge();
      // Stop taking connections, let the receipts already received commit, then close.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const http = server as unknown as {
        closeIdleConnections?: () => void;
        closeAllConnections?: () => void;
      };
      http.closeIdleConnections?.();
      await requests.settled();
      http.closeAllConnections?.();
      await closed;
      if (demo) await new Promise<void>((resolve) => demo.server.close(() => resolve()));
      await logIntegration.flush(); // what was received is logged before the database closes
      await logIntegration.stop();
      await witnessSubmission.stop();
      await log?.close();
      await handle.close();
    },
  };
}
