/**
 * The checkpoint thread: every `everyMs` it copies what the write-ahead log holds back into the
 * database file (`PRAGMA wal_checkpoint(PASSIVE)`: as far as it can without waiting for anyone).
 * Left to the commit thread, SQLite runs these checkpoints inside a commit every 1,000 pages,
 * which made about one commit in twelve several times slower: a third or more of all the time
 * spent committing. Under steady writes the log never stands still long enough to be restarted
 * from here, so the commit thread still checkpoints past its own, higher limit
 * (`COMMIT_THREAD_CHECKPOINT_PAGES`): by then this thread has copied nearly every page, so that
 * checkpoint is short, and the log starts over.
 */
import { parentPort, workerData } from "node:worker_threads";
import { LocalConnection } from "../local-connection";
import { READY } from "../module-thread";
import type { CheckpointerData } from "./protocol";

const port = parentPort;
if (!port) throw new Error("the checkpointer runs as a worker thread");
const data = workerData as CheckpointerData;
const connection = new LocalConnection(data.path, { busyTimeoutMs: 0 });

const timer = setInterval(() => {
  try {
    connection.exec("PRAGMA wal_checkpoint(PASSIVE)");
  } catch {
    // Busy or failed: the next round tries again, on a fresh connection.
  }
}, data.everyMs);

port.on("message", () => {
  clearInterval(timer);
  connection.close();
  port.close();
});
port.postMessage(READY);
