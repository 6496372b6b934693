/**
 * The commit thread: one connection to the file, through the synchronous embedded driver
 * (`LocalConnection`). Whenever it is free it takes every batch waiting for it and commits them
 * together, as one transaction: the busier it is, the bigger its transactions, so the fixed cost
 * of a commit (its fsync) is shared by more rows. If such a transaction fails, each batch is tried
 * again on its own, so one bad batch cannot fail the others; a `SQLITE_BUSY` fails them all at
 * once (the lock is held elsewhere: retrying one by one would wait as long again each).
 *
 * Each statement is prepared once per connection and run per row: a fixed set of statements,
 * where preparing multi-row statements per batch cost a quarter of the thread's time.
 */
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { isSqliteBusy } from "../../sqlite-errors";
import { LocalConnection } from "../local-connection";
import { READY, replyError, type ThreadReply } from "../module-thread";
import { type BatchMessage, type CloseMessage, type CommitterData, isClose } from "./protocol";

const port = parentPort;
if (!port) throw new Error("the committer runs as a worker thread");
const data = workerData as CommitterData;
const connection = new LocalConnection(data.path, { busyTimeoutMs: data.busyMs });

function reply(message: ThreadReply<undefined>): void {
  port?.postMessage(message);
}

function commit(batches: BatchMessage[]): void {
  try {
    const oldest = Math.min(...batches.map((b) => b.sentAt));
    const left = Math.max(50, data.busyMs - (Date.now() - oldest));
    connection.transaction(
      batches.flatMap((b) => b.statements),
      left,
    );
    for (const { id } of batches) reply({ id });
  } catch (err) {
    if (batches.length > 1 && !isSqliteBusy(err)) {
      for (const batch of batches) commit([batch]);
      return;
    }
    for (const { id } of batches) reply({ id, ...replyError(err) });
  }
}

port.on("message", (first: BatchMessage | CloseMessage) => {
  const waiting = [first];
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
    waiting.push(m.message);
  }
  const batches = waiting.filter((m): m is BatchMessage => !isClose(m));
  if (batches.length > 0) commit(batches);
  if (batches.length < waiting.length) {
    connection.close();
    port.close();
  }
});
port.postMessage(READY);
