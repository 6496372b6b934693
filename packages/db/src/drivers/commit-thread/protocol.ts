import type { RowStatement } from "../local-connection";

/** What the commit thread is started with (`workerData`). */
export interface CommitterData {
  /** Path of the database file. */
  path: string;
  /** How long a batch may wait for the write lock, counted from when it was sent, ms. */
  busyMs: number;
}

/** What the checkpoint thread is started with (`workerData`). */
export interface CheckpointerData {
  path: string;
  /** How often it checkpoints, ms. */
  everyMs: number;
  /** How long a checkpoint waits for the write lock it runs under before skipping a round, ms. */
  lockWaitMs: number;
}

/** A batch to commit in one transaction; `sentAt` (ms since the epoch) starts its lock wait. */
export interface BatchMessage {
  id: number;
  statements: RowStatement[];
  sentAt: number;
}

/** Asks a thread to finish and close its connection. */
export interface CloseMessage {
  close: true;
}

export const isClose = (m: BatchMessage | CloseMessage): m is CloseMessage => "close" in m;
