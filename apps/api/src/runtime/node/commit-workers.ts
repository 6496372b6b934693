/**
 * The code of the threads behind `startCommitThread` (`commit-thread.ts`), each run with
 * `new Worker(source, { eval: true, workerData })`: plain CommonJS, since a worker evaluated from
 * a string cannot load this package's TypeScript. What each one expects in `workerData` is named
 * in its code.
 */

/**
 * The signing thread's code: signs the receipts of a batch that carry a pending signature
 * (Ed25519, about 30 µs each), writes each signature into its receipt row, and passes the batch
 * on to the commit thread through `workerData.next`. While it signs one batch, the commit thread
 * commits the one before, so signing adds no time to the commit thread's share of each receipt.
 */
export const SIGNER_SOURCE = `
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
export const COMMITTER_SOURCE = `
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
 * to be restarted from here, so the commit thread still checkpoints past its own limit
 * (`COMMIT_THREAD_CHECKPOINT_PAGES` in `commit-thread.ts`): by then this thread has copied nearly every page, so that
 * checkpoint is short, and the log starts over.
 */
export const CHECKPOINTER_SOURCE = `
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
