import { openLibsql } from "@assent/db/libsql";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { createApp } from "../../app";
import type { SdkBundle, StaticAssets } from "../../deps";
import { schedulePurge } from "../../retention";
import { seed } from "../../seed";
import { startCommitThread } from "./commit-thread";
import { nodePrimitives } from "./node-signature";

/** How to run the Node server. */
export interface NodeServerOptions {
  port: number;
  hostname: string;
  /** `file:...`, `:memory:` or `libsql://...`. */
  databaseUrl: string;
  databaseAuthToken?: string;
  /** Public origin when behind a proxy. */
  publicOrigin?: string;
  sdk: SdkBundle;
  assets?: StaticAssets;
  ownerEmail: string;
  ownerPassword?: string;
}

/** A running Node server. */
export interface NodeServer {
  port: number;
  origin: string;
  driver: string;
  /** The owner password generated on first start, if one was. */
  generatedPassword?: string;
  close(): Promise<void>;
}

/** SQLite's default limit of bound parameters per statement (the libSQL file allows 32,766). */
const LIBSQL_MAX_PARAMS = 32_000;

/**
 * Opens the database, seeds it on first start, and serves the app. The socket's address is the
 * visitor's IP (put a proxy's trusted header in front only by changing this adapter).
 */
export async function startNodeServer(options: NodeServerOptions): Promise<NodeServer> {
  const handle = await openLibsql({
    url: options.databaseUrl,
    authToken: options.databaseAuthToken,
  });
  const provisional = options.publicOrigin ?? `http://localhost:${options.port}`;
  const seeded = await seed(handle.db, {
    origin: provisional,
    ownerEmail: options.ownerEmail,
    ownerPassword: options.ownerPassword,
    now: Date.now(),
  });
  const thread = handle.driver === "libsql-file" ? startCommitThread(options.databaseUrl) : null;
  const app = createApp({
    db: handle.db,
    sdk: options.sdk,
    assets: options.assets,
    publicOrigin: options.publicOrigin,
    signature: nodePrimitives,
    ingest: thread
      ? { maxParams: LIBSQL_MAX_PARAMS, commit: thread.commit, pipeline: 2 }
      : { maxParams: handle.driver === "libsql-file" ? LIBSQL_MAX_PARAMS : 100 },
    clientIp: (c) => {
      try {
        return getConnInfo(c).remote.address ?? null;
      } catch {
        return null;
      }
    },
  });
  const stopPurge = schedulePurge(handle.db);
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve) => {
      const s = serve(
        { fetch: app.fetch, port: options.port, hostname: options.hostname },
        (info) => resolve({ server: s, port: info.port }),
      );
    },
  );
  return {
    port,
    origin: options.publicOrigin ?? `http://localhost:${port}`,
    driver: handle.driver,
    generatedPassword: seeded.createdOwner?.password,
    close: () =>
      new Promise<void>((resolve) => {
        stopPurge();
        server.close(() => {
          void Promise.all([thread?.close(), handle.close()]).then(() => resolve());
        });
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
