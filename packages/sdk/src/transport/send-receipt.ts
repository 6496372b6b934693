import type { ReceiptInput, StoredReceipt } from "@assent/core";

/**
 * Sends a receipt to the API. `text/plain` keeps it a simple request (no CORS preflight) and
 * `keepalive` lets it finish when the visitor navigates away.
 * @returns the stored receipt, or `null` when the API could not be reached or refused it
 */
export async function sendReceipt(
  api: string,
  receipt: ReceiptInput,
): Promise<StoredReceipt | null> {
  try {
    const res = await fetch(`${api}/v1/receipts`, {
      method: "POST",
      keepalive: true,
      credentials: "omit",
      headers: { "Content-Type": "text/plain;charset=UTF-8" },
      body: JSON.stringify(receipt),
    });
    if (!res.ok) {
      console.warn(`[assent] receipt ${receipt.id} refused: ${res.status}`);
      return null;
    }
    return (await res.json()) as StoredReceipt;
  } catch (err) {
    console.warn("[assent] receipt not sent", err);
    return null;
  }
}
