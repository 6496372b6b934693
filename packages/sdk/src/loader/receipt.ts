import type { ReceiptInput } from "@assent/core";
import { WRITE_AHEAD } from "../transport/outbox-keys";

/**
 * Writes a receipt to `localStorage` (`assent:q:ID`) before it is sent, so it survives the page
 * closing a moment later: the outbox sends it until the API acknowledges it.
 */
export function writeAhead(receipt: ReceiptInput): void {
  try {
    localStorage.setItem(WRITE_AHEAD + receipt.id, JSON.stringify(receipt));
  } catch {}
}
