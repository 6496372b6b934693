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

/**
 * The signing thread's code: signs the receipts of a batch that carry a pending signature
 * (Ed25519, about 30 µs each), writes each signature into its receipt row, and passes the batch
 * on to the commit thread through `workerData.next`. While it signs one batch, the commit thread
 * commits the one before, so signing adds no time to the commit thread's share of each receipt.
 */
const SIGNER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createPrivateKey, sign } = require("node:crypto");
const next = workerData.next;
const keys = new Map();
function keyFor(kid, pkcs8) {
  let key = keys.get(kid);
  if (!key) {
    key = createPrivateKey({ key: Buffer.from(pkcs8), format: "der", type: "pkcs8" });
    keys.set(kid, key);
  }
  return key;
}
parentPort.on("message", (message) => {
  if (message.close) {
    next.postMessage(message);
    next.close();
    parentPort.close();
    return;
  }
  const { id, rows, signatures } = message;
  try {
    message.signed = signatures.map(({ row, kid, pkcs8, digest }) => {
      const signature = sign(null, Buffer.from(digest, "utf8"), keyFor(kid, pkcs8)).toString("base64url");
      rows.receipts[row][workerData.signatureColumn] = signature;
      return signature;
    });
    delete message.signatures;
    next.postMessage(message);
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) });
  }
});
`;

/**
 * The commit thread's code: one connection to the file, through the synchronous embedded driver,
 * for batches from the main thread and from the signing thread (`workerData.signed`) alike.
 * Whenever it is free it takes every batch waiting on either port and commits them together, as
 * one `BEGIN IMMEDIATE` ... `COMMIT`: the busier it is, the bigger its transactions, so the
 * fixed cost of a commit (its fsync) is shared by more receipts. If such a transaction fails, each
 * batch is tried again on its own, so one bad batch cannot fail the others.
 *
 * Each table's one-row statement (`SINGLE_ROW_SQL`) is prepared once per connection and run per
 * row: a fixed set of four statements, where preparing multi-row statements per batch cost a
 * quarter of the thread's time (and a cache of those, keyed by their varying text, grew the
 * thread's memory by about 50 MB a minute in the soak).
 *
 * After a failure the transaction is rolled back explicitly: closing a connection that still has
 * prepared statements does not close it, so a transaction left open would keep the write lock.
 * After a `SQLITE_BUSY` (or a failed rollback) the connection is also abandoned for a fresh one,
 * since the driver leaves a statement that failed that way un-reset, and the connection's next
 * write would then keep the lock after it returns.
 */
const COMMITTER_SOURCE = `
const { parentPort, receiveMessageOnPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driverPath);
const ports = [parentPort, workerData.signed];
let db = null;
let statements = null;
let openSenders = ports.length;
function open() {
  db = new Database(workerData.path, { timeout: workerData.busyMs });
  for (const pragma of workerData.pragmas) db.exec(pragma);
  db.exec("PRAGMA wal_autocheckpoint = " + workerData.checkpointPages);
  statements = Object.entries(workerData.sql).map(([table, sql]) => [table, db.prepare(sql)]);
}
function abandon() {
  statements = null;
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
function isBusy(err) {
  return !!(err && typeof err.code === "string" && err.code.startsWith("SQLITE_BUSY"));
}
function run(batches) {
  try {
    if (!db) open();
    const oldest = Math.min(...batches.map((b) => b.sentAt));
    const left = Math.max(50, workerData.busyMs - (Date.now() - oldest));
    db.exec("PRAGMA busy_timeout = " + Math.round(left));
    db.exec("BEGIN IMMEDIATE");
    for (const { rows } of batches)
      for (const [table, statement] of statements) for (const args of rows[table]) statement.run(args);
    db.exec("COMMIT");
  } catch (err) {
    if (db && (!rollBack() || isBusy(err))) abandon();
    throw err;
  }
}
function commit(batches) {
  try {
    run(batches);
    for (const { id, signed } of batches) parentPort.postMessage({ id, signed });
  } catch (err) {
    if (batches.length > 1 && !isBusy(err)) {
      for (const batch of batches) commit([batch]);
      return;
    }
    const error = String((err && err.message) || err);
    const code = err && typeof err.code === "string" ? err.code : undefined;
    for (const { id } of batches) parentPort.postMessage({ id, error, code });
  }
}
function onMessage(first) {
  const waiting = [first];
  for (const port of ports)
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) waiting.push(m.message);
  const batches = waiting.filter((m) => !m.close);
  if (batches.length > 0) commit(batches);
  openSenders -= waiting.length - batches.length;
  if (openSenders > 0) return;
  if (db) abandon();
  for (const port of ports) port.close();
}
for (const port of ports) port.on("message", onMessage);
`;

/**
 * The checkpoint thread's code: every `workerData.everyMs` it copies what the write-ahead log
 * holds back into the database file (`PRAGMA wal_checkpoint(PASSIVE)`: as far as it can without
 * waiting for anyone). Left to the commit thread, SQLite runs these checkpoints inside a commit
 * every 1,000 pages, which made about one commit in twelve several times slower: a third or more
 * of all the time spent committing. Under steady writes the log never stands still long enough
 * to be restarted from here, so the commit thread still checkpoints past
 * `COMMIT_THREAD_CHECKPOINT_PAGES`: by then this thread has copied nearly every page, so that
 * checkpoint is short, and the log starts over.
 */
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driverPath);
let db = null;
function checkpoint() {
  try {
    if (!db) {
      db = new Database(workerData.path, { timeout: 0 });
      for (const pragma of workerData.pragmas) db.exec(pragma);
    }
    db.exec("PRAGMA wal_checkpoint(PASSIVE)");
  } catch {
    // Busy or failed: the next round tries again, on a fresh connection.
    try { db.close(); } catch {}
    db = null;
  }
}
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on("message", () => {
  clearInterval(timer);
  if (db) db.close();
  parentPort.close();
});
`;

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
  const { port1: toCommitter, port2: fromSigner } = new MessageChannel();
  const committer = new Worker(COMMITTER_SOURCE, {
    eval: true,
    workerData: {
      path: localFilePath(url),
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
      path: localFilePath(url),
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
