import { KeyObject } from "node:crypto";
import { createRequire } from "node:module";
import { MessageChannel, Worker } from "node:worker_threads";
import { LOCAL_PRAGMAS, localFilePath } from "@assent/db/libsql";
import {
  type AppendRows,
  type PendingSignature,
  SIGNATURE_COLUMN,
  SINGLE_ROW_SQL,
} from "../../receipts";
import { CHECKPOINTER_SOURCE, COMMITTER_SOURCE, SIGNER_SOURCE } from "./commit-workers";

/** How often the checkpoint thread checkpoints, ms. */
const CHECKPOINT_EVERY_MS = 200;

/**
 * The write-ahead log size (pages of 4 KB: 64 MB) past which the commit thread checkpoints
 * inside a commit (SQLite's default is 1,000 pages) and the log restarts.
 */
const COMMIT_THREAD_CHECKPOINT_PAGES = 16_000;

/**
 * How long a batch may wait on a write lock held by another connection or process, counted
 * from when it was handed to the thread. Past it the batch fails with `SQLITE_BUSY`, which the
 * API answers `503 DATABASE_BUSY`.
 */
export const COMMIT_BUSY_TIMEOUT_MS = 2000;

const derOfKey = new WeakMap<CryptoKey, Uint8Array>();

/** A private key's PKCS#8 DER bytes (48 for Ed25519), exported once per key. */
function privateKeyDer(key: CryptoKey): Uint8Array {
  let der = derOfKey.get(key);
  if (!der) {
    der = new Uint8Array(KeyObject.from(key).export({ format: "der", type: "pkcs8" }));
    derOfKey.set(key, der);
  }
  return der;
}

/**
 * The threads that commit receipt batches, so fsync never stalls the event loop, and sign the
 * receipts handed over with a pending signature (see `WriterLimits.signsOnCommit`).
 */
export interface CommitThread {
  /**
   * Appends the rows in one transaction, after signing `signatures` into their rows; resolves
   * with those signatures, in order, once the transaction has committed.
   */
  commit(rows: AppendRows, signatures?: PendingSignature[]): Promise<string[] | undefined>;
  close(): Promise<void>;
}

/**
 * Starts the commit thread for an embedded libSQL file, with a signing thread in front of it and
 * a checkpoint thread beside it. The embedded driver is synchronous: a commit on the main thread
 * (with its fsync) would stop every other request while it runs. Here the main thread keeps
 * serving while the commit thread writes; a receipt is acknowledged only after the commit thread
 * reports its transaction committed. Batches with signatures to make go through the signing
 * thread first. `close()` stops all three.
 */
export function startCommitThread(url: string, busyMs = COMMIT_BUSY_TIMEOUT_MS): CommitThread {
  const clientPath = createRequire(import.meta.resolve("@assent/db/libsql")).resolve(
    "@libsql/client",
  );
  const driverPath = createRequire(clientPath).resolve("libsql");
  const path = localFilePath(url);
  const { port1: toCommitter, port2: fromSigner } = new MessageChannel();
  const committer = new Worker(COMMITTER_SOURCE, {
    eval: true,
    workerData: {
      path,
      driverPath,
      busyMs,
      pragmas: LOCAL_PRAGMAS,
      sql: SINGLE_ROW_SQL,
      checkpointPages: COMMIT_THREAD_CHECKPOINT_PAGES,
      signed: fromSigner,
    },
    transferList: [fromSigner],
  });
  const signer = new Worker(SIGNER_SOURCE, {
    eval: true,
    workerData: { next: toCommitter, signatureColumn: SIGNATURE_COLUMN },
    transferList: [toCommitter],
  });
  const checkpointer = new Worker(CHECKPOINTER_SOURCE, {
    eval: true,
    workerData: {
      path,
      driverPath,
      pragmas: LOCAL_PRAGMAS,
      everyMs: CHECKPOINT_EVERY_MS,
    },
  });
  const waiting = new Map<
    number,
    { resolve(signed: string[] | undefined): void; reject(err: Error): void }
  >();
  let next = 0;
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  type Reply = { id: number; error?: string; code?: string; signed?: string[] };
  const settle = ({ id, error, code, signed }: Reply) => {
    const w = waiting.get(id);
    waiting.delete(id);
    if (error) w?.reject(Object.assign(new Error(error), code ? { code } : {}));
    else w?.resolve(signed);
  };
  for (const worker of [committer, signer]) {
    worker.on("message", settle);
    worker.on("error", failAll);
    worker.on("exit", () => failAll(new Error("the commit thread stopped")));
  }
  checkpointer.on("error", (err) => console.error("checkpoint thread failed:", err));
  const exited = (worker: Worker) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate(), 2000);
      worker.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  return {
    commit: (rows, pending) =>
      new Promise<string[] | undefined>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        if (!pending?.length) {
          committer.postMessage({ id, rows, sentAt: Date.now() });
          return;
        }
        const signatures = pending.map(({ row, kid, key, digest }) => ({
          row,
          kid,
          pkcs8: privateKeyDer(key),
          digest,
        }));
        signer.postMessage({ id, rows, signatures, sentAt: Date.now() });
      }),
    close: async () => {
      const done = Promise.all([exited(signer), exited(committer), exited(checkpointer)]);
      signer.postMessage({ close: true });
      committer.postMessage({ close: true });
      checkpointer.postMessage({ close: true });
      await done;
    },
  };
}
