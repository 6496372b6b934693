/**
 * The integration thread of the Node entry's transparency log (`threaded-integration.ts`): runs
 * the integration loop (`scheduleLogIntegration`) on a connection of its own, so neither its
 * hashing nor its commits (the embedded driver is synchronous: a wait for the write lock and
 * the fsync block the thread that runs them) ever stall the event loop that answers receipts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openLibsql } from "@assent/db/libsql";
import { READY, replyError, type ThreadReply } from "@assent/db/threads";
import type { Keyring } from "../../signing";
import { scheduleLogIntegration } from "../../transparency";

const port = parentPort;
if (!port) throw new Error("the integrator runs as a worker thread");
const { url, publicOrigin, keyring } = workerData as {
  url: string;
  publicOrigin: string;
  keyring: Keyring;
};

const opened = openLibsql({ url }).then((handle) => ({
  handle,
  loop: scheduleLogIntegration(handle.db, { publicOrigin: () => publicOrigin, keyring }),
}));

port.on("message", async (message: { id: number; flush: true } | { close: true }) => {
  const { handle, loop } = await opened;
  if ("close" in message) {
    await loop.flush(); // what was received is logged before the thread stops
    await loop.stop();
    await handle.close();
    port.close();
    return;
  }
  let reply: ThreadReply<null>;
  try {
    await loop.flush();
    reply = { id: message.id, result: null };
  } catch (err) {
    reply = { id: message.id, ...replyError(err) };
  }
  port.postMessage(reply);
});
// A database that does not open fails the thread, and `ready()` with it.
void opened.then(() => port.postMessage(READY));
