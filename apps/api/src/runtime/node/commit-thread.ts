import { KeyObject } from "node:crypto";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { LOCAL_PRAGMAS, localFilePath } from "@assent/db/libsql";
import { type PendingSignature, SIGNATURE_SLOT, type Statement } from "../../receipts";

/**
 * The worker's code: one connection to the file, through the synchronous embedded driver, that
 * runs each batch as one `BEGIN IMMEDIATE` ... `COMMIT`. Messages are handled one at a time.
 * Statements are prepared per batch: the driver's statements hold native memory until they are
 * garbage-collected, and a cache of them grew the thread's memory by about 50 MB a minute at
 * 500 receipts/s in the soak.
 *
 * After a failure the transaction is rolled back explicitly: closing a connection that still has
 * prepared statements does not close it, so a transaction left open would keep the write lock.
 * After a `SQLITE_BUSY` (or a failed rollback) the connection is also abandoned for a fresh one,
 * since the driver leaves a statement that failed that way un-reset, and the connection's next
 * write would then keep the lock after it returns.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createPrivateKey, sign } = require("node:crypto");
const Database = require(workerData.driverPath);
const SLOT = workerData.slot;
let db = null;
const keys = new Map();
function signAll(signatures) {
  return signatures.map(({ kid, pkcs8, digest }) => {
    let key = keys.get(kid);
    if (!key) {
      key = createPrivateKey({ key: Buffer.from(pkcs8), format: "der", type: "pkcs8" });
      keys.set(kid, key);
    }
    return sign(null, Buffer.from(digest, "utf8"), key).toString("base64url");
  });
}
function fill(args, signed) {
  return args.map((a) => (typeof a === "string" && a.startsWith(SLOT) ? signed[Number(a.slice(SLOT.length))] : a));
}
function open() {
  db = new Database(workerData.path, { timeout: workerData.busyMs });
  for (const pragma of workerData.pragmas) db.exec(pragma);
}
function abandon() {
  try { db.close(); } catch {}
  db = null;
}
function rollBack() {
  try {
    if (db.inTransaction) db.exec("ROLLBACK");
    return true;
  } catch {
    return false;
  }
}
parentPort.on("message", ({ id, statements, signatures, close, sentAt }) => {
  if (close) {
    if (db) abandon();
    parentPort.close();
    return;
  }
  try {
    if (!db) open();
    const left = Math.max(50, workerData.busyMs - (Date.now() - sentAt));
    db.exec("PRAGMA busy_timeout = " + Math.round(left));
    const signed = signatures ? signAll(signatures) : null;
    db.exec("BEGIN IMMEDIATE");
    for (const s of statements) db.prepare(s.sql).run(signed ? fill(s.args, signed) : s.args);
    db.exec("COMMIT");
    parentPort.postMessage({ id, signed });
  } catch (err) {
    const code = err && typeof err.code === "string" ? err.code : undefined;
    if (db && (!rollBack() || (code && code.startsWith("SQLITE_BUSY")))) abandon();
    parentPort.postMessage({ id, error: String((err && err.message) || err), code });
  }
});
`;

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
 * How long a batch may wait on a write lock held by another connection or process, counted
 * from when it was handed to the thread. Past it the batch fails with `SQLITE_BUSY`, which the
 * API answers `503 DATABASE_BUSY`.
 */
export const COMMIT_BUSY_TIMEOUT_MS = 2000;

/**
 * A thread that commits receipt batches, so fsync never stalls the event loop. It also signs the
 * receipts handed over with a pending signature (Ed25519 costs about 30 µs each, on this thread
 * instead of the one serving requests), and resolves with their signatures once committed.
 */
export interface CommitThread {
  commit(statements: Statement[], signatures?: PendingSignature[]): Promise<string[] | undefined>;
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
  const driverPath = createRequire(clientPath).resolve("libsql");
  const workerData = {
    path: localFilePath(url),
    driverPath,
    busyMs,
    pragmas: LOCAL_PRAGMAS,
    slot: SIGNATURE_SLOT,
  };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
  const waiting = new Map<
    number,
    { resolve(signed: string[] | undefined): void; reject(err: Error): void }
  >();
  let next = 0;
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on(
    "message",
    ({
      id,
      error,
      code,
      signed,
    }: {
      id: number;
      error?: string;
      code?: string;
      signed?: string[];
    }) => {
      const w = waiting.get(id);
      waiting.delete(id);
      if (error) w?.reject(Object.assign(new Error(error), code ? { code } : {}));
      else w?.resolve(signed ?? undefined);
    },
  );
  worker.on("error", failAll);
  worker.on("exit", () => failAll(new Error("the commit thread stopped")));
  return {
    commit: (statements, pending) =>
      new Promise<string[] | undefined>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        const signatures = pending?.map(({ kid, key, digest }) => ({
          kid,
          pkcs8: privateKeyDer(key),
          digest,
        }));
        worker.postMessage({ id, statements, signatures, sentAt: Date.now() });
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
