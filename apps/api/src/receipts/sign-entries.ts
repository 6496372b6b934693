import { signReceipt } from "../signing/sign-receipt";
import type { LogEntry, StoredEntry } from "./append-log";
import type { ReceiptWrite } from "./receipt-statements";
import { toStoredReceipt } from "./receipt-store";

/** What signing an entry needs of it. */
export type ToSign = Pick<LogEntry, "row" | "key" | "siteKey">;

/** Each entry's proof (`signReceipt` over the receipt as its site's key names it), in order. */
export function signEntries(entries: readonly ToSign[]): Promise<StoredEntry[]> {
  return Promise.all(entries.map((e) => signReceipt(toStoredReceipt(e.row, e.siteKey), e.key)));
}

/** The entries as rows to append, each with its proof. */
export function signedWrites(entries: readonly LogEntry[], proofs: StoredEntry[]): ReceiptWrite[] {
  return entries.map(({ row, categories }, i) => {
    const { digest, signature, kid } = proofs[i] as StoredEntry;
    return { row: { ...row, digest, signature, keyId: kid }, categories };
  });
}
