import type { ConsentMethod, StoredReceipt } from "@assent/core";
import { createStore, get, type UseStore, update } from "idb-keyval";

/** One acknowledged receipt, as the visitor's browser keeps it. */
export interface HistoryEntry {
  id: string;
  /** Server time of storage (ISO 8601). */
  serverTime: string;
  method: ConsentMethod;
  policyVersion: string;
  /** Categories granted by that decision (`necessary` left out). */
  granted: string[];
}

const KEY = "receipts";
/** How many receipts the browser keeps; the server keeps them all. */
export const HISTORY_LIMIT = 50;

let store: UseStore | undefined;
const db = () => {
  store ??= createStore("assent-receipts", "history");
  return store;
};

/**
 * Keeps the visitor's copy of an acknowledged receipt in IndexedDB, newest first.
 * @example await rememberReceipt(await sendReceipt(api, input))
 */
export async function rememberReceipt(receipt: StoredReceipt): Promise<void> {
  const entry: HistoryEntry = {
    id: receipt.id,
    serverTime: receipt.serverTime,
    method: receipt.method,
    policyVersion: receipt.policyVersion,
    granted: Object.keys(receipt.decision.categories).filter(
      (c) => c !== "necessary" && receipt.decision.categories[c],
    ),
  };
  try {
    await update<HistoryEntry[]>(
      KEY,
      (list = []) => [entry, ...list.filter((e) => e.id !== entry.id)].slice(0, HISTORY_LIMIT),
      db(),
    );
  } catch (err) {
    console.warn("[assent] receipt not kept in this browser", err);
  }
}

/** The receipts this browser kept, newest first; empty where IndexedDB is unavailable. */
export async function receiptHistory(): Promise<HistoryEntry[]> {
  try {
    return (await get<HistoryEntry[]>(KEY, db())) ?? [];
  } catch (err) {
    console.warn("[assent] receipt history unavailable", err);
    return [];
  }
}
