/**
 * The signing thread of the Node entry's log (`threaded-log.ts`): signs each append's entries
 * with `signEntries`, the code every runtime signs with, so the main thread spends no time on
 * Ed25519 and the commit thread none waiting for it.
 */
import { parentPort } from "node:worker_threads";
import { READY, replyError, type ThreadReply } from "@assent/db/threads";
import type { StoredEntry } from "../../receipts/append-log";
import { signEntries, type ToSign } from "../../receipts/sign-entries";

const port = parentPort;
if (!port) throw new Error("the signer runs as a worker thread");

port.on("message", async (message: { id: number; entries: ToSign[] } | { close: true }) => {
  if ("close" in message) {
    port.close();
    return;
  }
  let reply: ThreadReply<StoredEntry[]>;
  try {
    reply = { id: message.id, result: await signEntries(message.entries) };
  } catch (err) {
    reply = { id: message.id, ...replyError(err) };
  }
  port.postMessage(reply);
});
port.postMessage(READY);
