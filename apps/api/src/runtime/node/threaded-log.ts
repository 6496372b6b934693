import type { RowStatement } from "@assent/db";
import { startCommitThread } from "@assent/db/libsql";
import { closeThread, startModuleThread, threadCalls, threadReady } from "@assent/db/threads";
import {
  type AppendLog,
  appendRows,
  type StoredEntry,
  signedWrites,
  type ToSign,
  tableStatements,
} from "../../receipts";

/** The log of an embedded libSQL file, signed and committed by threads of its own. */
export interface ThreadedLog extends AppendLog {
  /** Resolves once its threads have loaded; appends sent before then wait for it. */
  ready(): Promise<void>;
  /**
   * Commits other statements through the commit thread, in one transaction of their own (the
   * transparency log's integration writes): all or none, rejecting with the driver's error.
   */
  commit(statements: RowStatement[]): Promise<void>;
  /** Lets the appends sent so far finish, then stops the threads. */
  close(): Promise<void>;
}

/**
 * Appends receipts to the file at `path` through two threads, so neither Ed25519 nor fsync
 * stalls the event loop: the signing thread (`signer.ts`) signs an append's entries, then the
 * commit thread (`startCommitThread` in `@assent/db/libsql`) appends them, one single-row
 * statement per table with the rows it runs for, taking every append waiting for it into its
 * next transaction. A few appends in flight keep both busy: one is signed while another commits.
 */
export function threadedLog(path: string): ThreadedLog {
  const signer = startModuleThread(new URL("./signer.js", import.meta.url));
  const sign = threadCalls<{ entries: ToSign[] }, StoredEntry[]>(signer);
  const thread = startCommitThread(path);
  const ready = Promise.all([threadReady(signer), thread.ready()]).then(() => {});
  ready.catch(() => {}); // a thread that fails fails its appends too; `ready()` reports it

  return {
    concurrency: 4,
    append: async (entries) => {
      // Only what signing needs crosses to the thread (the key is cloned, never exported).
      const proofs = await sign({
        entries: entries.map(({ row, key, siteKey }) => ({ row, key, siteKey })),
      });
      await thread.commit(tableStatements(appendRows(signedWrites(entries, proofs))));
      return proofs;
    },
    commit: async (statements) => {
      await ready;
      await thread.commit(statements);
    },
    ready: () => ready,
    close: async () => {
      await Promise.all([closeThread(signer), thread.close()]);
    },
  };
}
