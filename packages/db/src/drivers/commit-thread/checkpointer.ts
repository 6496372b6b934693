/**
 * The checkpoint thread: every `everyMs` it copies what the write-ahead log holds back into the
 * database file (`PRAGMA wal_checkpoint(PASSIVE)`), so no commit waits on a checkpoint of its
 * own (connections to the file never checkpoint automatically: `LOCAL_PRAGMAS`).
 *
 * Each checkpoint runs while a second connection of this thread holds the write lock (waiting up
 * to `lockWaitMs` for it, else skipping the round). The SQLite inside libSQL has the WAL-reset
 * bug: a checkpoint that has read the log's header when a commit elsewhere restarts the log goes
 * on with the stale header, marks the new log's frames as copied without copying them, and the
 * database reads as malformed from then on. A restart happens only inside a commit, under the
 * write lock; holding that lock, the checkpoint cannot overlap one. With no writer meanwhile the
 * checkpoint copies the whole log, so the next commit starts it over.
 */
import { parentPort, workerData } from "node:worker_threads";
import { LocalConnection } from "../local-connection";
import { READY } from "../module-thread";
import type { CheckpointerData } from "./protocol";

const port = parentPort;
if (!port) throw new Error("the checkpointer runs as a worker thread");
const data = workerData as CheckpointerData;
const lock = new LocalConnection(data.path, { busyTimeoutMs: data.lockWaitMs });
const checkpoints = new LocalConnection(data.path, { busyTimeoutMs: 0 });

const timer = setInterval(() => {
  try {
    lock.whileWriteLocked(() => checkpoints.exec("PRAGMA wal_checkpoint(PASSIVE)"));
  } catch {
    // The lock stayed taken, or the checkpoint failed: the next round tries again.
  }
}, data.everyMs);

port.on("message", () => {
  clearInterval(timer);
  checkpoints.close();
  lock.close();
  port.close();
});
port.postMessage(READY);
