import type { ReceiptInput, StoredReceipt } from "@assent/core";
import { createStore, del, set, type UseStore, values } from "idb-keyval";
import { cuePending, OUTBOX_PREFIX, PENDING_FLAG, WRITE_AHEAD } from "./outbox-keys";
import { rememberReceipt } from "./receipt-history";

/**
 * The browser outbox: every receipt waits here until the API acknowledges it, so a choice made
 * while the API is unreachable, failing or cut off by the page closing still arrives, once.
 *
 * The loader writes each receipt synchronously to `localStorage` under `assent:q:ID` (a write
 * that survives the page closing a millisecond later) and imports this module, which moves it
 * into IndexedDB (idb-keyval) and sends it: `fetch` with `keepalive`, retried with exponential
 * backoff and on the `online` event, beaconed on `pagehide`, and retried on the next page view.
 * The API is idempotent by receipt id, so a receipt sent twice is stored once. While anything
 * waits, the `assent_q` cookie cues the next page view to load this module.
 */

export { PENDING_FLAG, WRITE_AHEAD } from "./outbox-keys";

/** Where pending receipts wait. */
export interface OutboxStore {
  all(): Promise<ReceiptInput[]>;
  put(receipt: ReceiptInput): Promise<void>;
  remove(id: string): Promise<void>;
}

/**
 * The IndexedDB outbox. idb-keyval opens the database at once and throws synchronously where
 * there is no IndexedDB or the site may not store data (Firefox's `SecurityError`): here that is
 * a rejection, a store that failed, so receipts are still sent.
 */
export function indexedDbOutbox(): OutboxStore {
  let store: UseStore | undefined;
  const db = async () => (store ??= createStore("assent-outbox", "pending"));
  return {
    all: async () => values<ReceiptInput>(await db()),
    put: async (receipt) => set(receipt.id, receipt, await db()),
    remove: async (id) => del(id, await db()),
  };
}

/** What became of one attempt to send a receipt. */
export type SendResult = { ok: true; stored: StoredReceipt } | { ok: false; retry: boolean };

/**
 * Sends one receipt; 2xx is acknowledged. A refusal the API itself answered (its JSON error, with
 * a code: a malformed receipt, a page origin the site does not allow, an unknown site) is final:
 * sending it again cannot help, so it is dropped with a warning. Anything else is retried: 408,
 * 429 and 5xx, and a 4xx that is not the API's (a firewall, a proxy, a deploy gap), which passes
 * once someone fixes it.
 */
export async function postReceipt(api: string, receipt: ReceiptInput): Promise<SendResult> {
  try {
    const res = await fetch(`${api}/v1/receipts`, {
      method: "POST",
      keepalive: true,
      credentials: "omit",
      headers: { "Content-Type": "text/plain;charset=UTF-8" },
      body: JSON.stringify(receipt),
    });
    if (res.ok) return { ok: true, stored: (await res.json()) as StoredReceipt };
    const code =
      res.status < 500 && res.status !== 408 && res.status !== 429
        ? ((await res.json().catch(() => null)) as { error?: { code?: unknown } } | null)?.error
            ?.code
        : undefined;
    const retry = typeof code !== "string";
    if (!retry) console.warn(`[assent] receipt ${receipt.id} refused: ${res.status} ${code}`);
    return { ok: false, retry };
  } catch {
    return { ok: false, retry: true };
  }
}

/** What a flush is given: receipts the loader could not write ahead, and test doubles. */
export interface OutboxOptions {
  /**
   * Receipts the loader could not write to `localStorage` (quota full, storage disabled). They
   * are kept in IndexedDB when it works and in memory for this page otherwise, and sent like the
   * others; the loader has also beaconed each at once.
   */
  unsaved?: ReceiptInput[];
  store?: OutboxStore;
  send?: typeof postReceipt;
  remember?: (receipt: StoredReceipt) => Promise<void>;
}

/** Longest wait between retries. */
export const MAX_BACKOFF_MS = 60_000;

let running: Promise<number> | null = null;
let again = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let attempts = 0;
let listening = false;
let lastPending: ReceiptInput[] = [];
/** Receipts held only in this page's memory until acknowledged (no storage would take them). */
const inMemory = new Map<string, ReceiptInput>();

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Moves the loader's write-ahead entries into the store (left in place if the store fails). */
async function adoptWriteAhead(store: OutboxStore): Promise<ReceiptInput[]> {
  const local = storage();
  const stranded: ReceiptInput[] = [];
  for (const key of Object.keys(local ?? {})) {
    if (!key.startsWith(WRITE_AHEAD)) continue;
    let receipt: ReceiptInput;
    try {
      receipt = JSON.parse(local?.getItem(key) ?? "null");
    } catch {
      local?.removeItem(key);
      continue;
    }
    try {
      await store.put(receipt);
      // Flag first, then drop the write-ahead entry: a page closed in between still leaves the
      // next page view a cue to send what now waits in IndexedDB.
      local?.setItem(PENDING_FLAG, "1");
      local?.removeItem(key);
    } catch {
      stranded.push(receipt);
    }
  }
  return stranded;
}

async function drain(api: string, options: OutboxOptions): Promise<number> {
  const store = options.store ?? indexedDbOutbox();
  const send = options.send ?? postReceipt;
  const remember = options.remember ?? rememberReceipt;
  for (const [id, receipt] of inMemory) {
    await store.put(receipt).then(
      () => inMemory.delete(id),
      () => {},
    );
  }
  const stranded = await adoptWriteAhead(store);
  const stored = await store.all().catch(() => [] as ReceiptInput[]);
  const pending = [...stored];
  for (const receipt of [...stranded, ...inMemory.values()])
    if (!pending.some((r) => r.id === receipt.id)) pending.push(receipt);
  const left: ReceiptInput[] = [];
  for (const receipt of pending) {
    const result = await send(api, receipt);
    if (result.ok || !result.retry) {
      inMemory.delete(receipt.id);
      await store.remove(receipt.id).catch(() => {});
      storage()?.removeItem(WRITE_AHEAD + receipt.id);
      if (result.ok) await remember(result.stored);
    } else {
      left.push(receipt);
    }
  }
  lastPending = left;
  try {
    if (left.length > 0) storage()?.setItem(PENDING_FLAG, String(left.length));
    else storage()?.removeItem(PENDING_FLAG);
  } catch {
    // A full `localStorage` (QuotaExceededError): the cookie below cues the next page view.
  }
  // The cue goes only when nothing waits anywhere: another tab may have written ahead meanwhile.
  const local = storage();
  cuePending(
    left.length > 0 ||
      inMemory.size > 0 ||
      (!!local && Object.keys(local).some((key) => key.startsWith(OUTBOX_PREFIX))),
  );
  return left.length;
}

function listen(api: string, options: OutboxOptions): void {
  if (listening || typeof window === "undefined") return;
  listening = true;
  window.addEventListener("online", () => void flush(api, options));
  // The page is going away: hand what is still pending to the browser. Its result is unknown,
  // so the receipts stay in the outbox; the next page view sends them again (stored once).
  window.addEventListener("pagehide", () => {
    for (const receipt of lastPending) {
      navigator.sendBeacon?.(
        `${api}/v1/receipts`,
        new Blob([JSON.stringify(receipt)], { type: "text/plain;charset=UTF-8" }),
      );
    }
  });
}

/**
 * Sends every pending receipt now; what cannot be sent is retried with exponential backoff
 * (1 s, 2 s, 4 s ... up to a minute), on the `online` event and on the next page view.
 * @returns how many receipts are still waiting
 * @example await flush("https://consent.example.org")
 */
export function flush(api: string, options: OutboxOptions = {}): Promise<number> {
  const { unsaved = [], ...doubles } = options;
  for (const receipt of unsaved) inMemory.set(receipt.id, receipt);
  listen(api, doubles);
  if (running) {
    // A flush is under way and may have listed its receipts already: run once more after it.
    again = true;
    return running;
  }
  running = drain(api, doubles)
    .then((left) => {
      clearTimeout(retryTimer);
      if (left === 0) {
        attempts = 0;
      } else {
        const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts++);
        retryTimer = setTimeout(() => void flush(api, doubles), delay);
      }
      return left;
    })
    .finally(() => {
      running = null;
    });
  return running.then((left) => {
    if (!again) return left;
    again = false;
    return flush(api, doubles);
  });
}

/** Forgets timers and listeners state (tests). */
export function resetOutbox(): void {
  clearTimeout(retryTimer);
  running = null;
  again = false;
  attempts = 0;
  lastPending = [];
  inMemory.clear();
}
