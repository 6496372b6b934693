import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Statement } from "../../receipts";

/**
 * The worker's code: one libSQL connection that runs each batch as one transaction. A batch that
 * fails (e.g. `SQLITE_BUSY`) can leave the driver's connection inside its transaction, so the
 * connection is closed (rolling back) and opened afresh before the next batch.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createClient } = require(workerData.clientPath);
let client;
let ready;
function open() {
  client = createClient({ url: workerData.url });
  ready = (async () => {
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA synchronous = FULL");
    await client.execute("PRAGMA foreign_keys = ON");
  })();
}
open();
parentPort.on("message", async ({ id, statements, close, sentAt }) => {
  if (close) {
    await ready.catch(() => {});
    client.close();
    parentPort.close();
    return;
  }
  try {
    await ready;
    const left = Math.max(50, workerData.busyMs - (Date.now() - sentAt));
    await client.execute("PRAGMA busy_timeout = " + Math.round(left));
    await client.batch(statements, "write");
    parentPort.postMessage({ id });
  } catch (err) {
    const code = err && typeof err.code === "string" ? err.code : undefined;
    parentPort.postMessage({ id, error: String((err && err.message) || err), code });
    try {
      client.close();
    } catch {}
    open();
  }
});
`;

/**
 * How long a batch may wait on a write lock held by another connection or process, counted
 * from when it was handed to the thread. Past it the batch fails with `SQLITE_BUSY`, which the
 * API answers `503 DATABASE_BUSY`.
 */
export const COMMIT_BUSY_TIMEOUT_MS = 2000;

/** A thread that commits receipt batches, so fsync never stalls the event loop. */
export interface CommitThread {
  commit(statements: Statement[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the commit thread for an embedded libSQL file. The embedded driver is synchronous: a
 * commit on the main thread (with its fsync) would stop every other request while it runs. Here
 * the main thread keeps serving while the thread writes; a receipt is acknowledged only after
 * the thread reports its transaction committed.
 */
export function startCommitThread(url: string, busyMs = COMMIT_BUSY_TIMEOUT_MS): CommitThread {
  const clientPath = createRequire(import.meta.resolve("@assent/db/libsql")).resolve(
    "@libsql/client",
  );
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { url, clientPath, busyMs } });
  const waiting = new Map<number, { resolve(): void; reject(err: Error): void }>();
  let next = 0;
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on("message", ({ id, error, code }: { id: number; error?: string; code?: string }) => {
    const w = waiting.get(id);
    waiting.delete(id);
    if (error) w?.reject(Object.assign(new Error(error), code ? { code } : {}));
    else w?.resolve();
  });
  worker.on("error", failAll);
  worker.on("exit", () => failAll(new Error("the commit thread stopped")));
  return {
    commit: (statements) =>
      new Promise<void>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, statements, sentAt: Date.now() });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate(), 2000);
        worker.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        worker.postMessage({ close: true });
      }),
  };
}
