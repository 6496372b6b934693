import type { RowStatement } from "../local-connection";
import { closeThread, startModuleThread, threadCalls, threadReady } from "../module-thread";
import type { BatchMessage, CheckpointerData, CommitterData } from "./protocol";

/** How often the checkpoint thread checkpoints, ms. */
const CHECKPOINT_EVERY_MS = 200;

/**
 * How long a batch may wait on a write lock held by another connection or process, counted
 * from when it was handed to the thread. Past it the batch fails with `SQLITE_BUSY`.
 */
export const COMMIT_BUSY_TIMEOUT_MS = 2000;

/** Commits batches of statements on a thread of its own, with a checkpoint thread beside it. */
export interface CommitThread {
  /**
   * Runs every row of `statements` in one transaction (shared with the other batches waiting at
   * the time); resolves once it has committed, rejects with SQLite's error (and `code`) if not.
   */
  commit(statements: RowStatement[]): Promise<void>;
  /** Resolves once both threads have loaded (batches sent before then wait for it). */
  ready(): Promise<void>;
  /** Lets the batches sent so far finish, then stops both threads. */
  close(): Promise<void>;
}

/**
 * Starts the commit thread of an embedded libSQL file (`committer.ts`) and its checkpoint thread
 * (`checkpointer.ts`, the only one to checkpoint the file while it is shared, and only under the
 * write lock). The embedded driver is synchronous: a commit on the main thread (with its
 * fsync) would stop every other request while it runs. Here the main thread keeps serving while
 * the commit thread writes, and a batch's promise settles when the commit thread reports its
 * transaction committed or failed.
 * @example
 * const thread = startCommitThread("data/assent.db");
 * await thread.commit([{ sql: "INSERT INTO audit_log (at, action) VALUES (?, ?)", rows: [[1, "x"]] }]);
 */
export function startCommitThread(path: string, busyMs = COMMIT_BUSY_TIMEOUT_MS): CommitThread {
  const committer = startModuleThread(new URL("./committer.js", import.meta.url), {
    workerData: { path, busyMs } satisfies CommitterData,
  });
  const checkpointer = startModuleThread(new URL("./checkpointer.js", import.meta.url), {
    workerData: {
      path,
      everyMs: CHECKPOINT_EVERY_MS,
      lockWaitMs: COMMIT_BUSY_TIMEOUT_MS,
    } satisfies CheckpointerData,
  });
  checkpointer.on("error", (err) => console.error("checkpoint thread failed:", err));
  const call = threadCalls<Omit<BatchMessage, "id">, undefined>(committer);
  const ready = Promise.all([threadReady(committer), threadReady(checkpointer)]).then(() => {});
  ready.catch(() => {}); // a thread that fails fails its calls too; `ready()` reports it to a caller

  return {
    commit: (statements) => call({ statements, sentAt: Date.now() }),
    ready: () => ready,
    close: async () => {
      await Promise.all([closeThread(committer), closeThread(checkpointer)]);
    },
  };
}
