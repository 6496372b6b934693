import type { ReceiptInput } from "@assent/core";
import { cuePending, WRITE_AHEAD } from "../transport/outbox-keys";

/**
 * Writes a receipt to `localStorage` (`assent:q:ID`) before it is sent, so it survives the page
 * closing a moment later: the outbox sends it until the API acknowledges it.
 *
 * When `localStorage` refuses it (quota full, storage disabled), the receipt is beaconed at once
 * (a beacon outlives a reload or a closing page) and returned, for the outbox to keep in
 * IndexedDB or memory and send until acknowledged; the API stores a receipt id once. Either way
 * the pending cue (`assent_q`) tells the next page view to send what still waits.
 * @returns the receipts the outbox must be handed, as nothing else holds them
 */
export function writeAhead(receipt: ReceiptInput, api: string): ReceiptInput[] | undefined {
  const body = JSON.stringify(receipt);
  cuePending(true);
  try {
    localStorage.setItem(WRITE_AHEAD + receipt.id, body);
  } catch {
    navigator.sendBeacon?.(`${api}/v1/receipts`, body);
    return [receipt];
  }
}
