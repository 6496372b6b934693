import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Statement } from "../../receipts";

/** The worker's code: one libSQL connection that runs each batch as one transaction. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createClient } = require(workerData.clientPath);
const client = createClient({ url: workerData.url });
const ready = (async () => {
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute("PRAGMA synchronous = FULL");
  await client.execute("PRAGMA busy_timeout = 5000");
  await client.execute("PRAGMA foreign_keys = ON");
})();
parentPort.on("message", async ({ id, statements, close }) => {
  if (close) {
    await ready.catch(() => {});
    client.close();
    parentPort.close();
    return;
  }
  try {
    await ready;
    await client.batch(statements, "write");
    parentPort.postMessage({ id });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});
`;

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
export function startCommitThread(url: string): CommitThread {
  const clientPath = createRequire(import.meta.resolve("@assent/db/libsql")).resolve(
    "@libsql/client",
  );
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { url, clientPath } });
  const waiting = new Map<number, { resolve(): void; reject(err: Error): void }>();
  let next = 0;
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on("message", ({ id, error }: { id: number; error?: string }) => {
    const w = waiting.get(id);
    waiting.delete(id);
    if (error) w?.reject(new Error(error));
    else w?.resolve();
  });
  worker.on("error", failAll);
  worker.on("exit", () => failAll(new Error("the commit thread stopped")));
  return {
    commit: (statements) =>
      new Promise<void>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, statements });
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
