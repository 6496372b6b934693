import type { ReceiptProof } from "@assent/core";
import type { SigningKey } from "../signing";
import type { ReceiptRow } from "./receipt-store";

/** A validated, stamped receipt to sign and append. */
export interface LogEntry {
  /** The row, its proof columns (`digest`, `signature`, `keyId`) not yet set. */
  row: ReceiptRow;
  /** Its categories, granted or denied (denormalised for filters and rollups). */
  categories: Record<string, boolean>;
  /** The key of the receipt's site, as `signingKeyFor` gives it. */
  key: SigningKey;
  /** The site's key (`demo`): part of what the signature covers. */
  siteKey: string;
}

/**
 * What the log made of an entry it stored: its proof. (A log that gives entries a position
 * reports it here too.)
 */
export type StoredEntry = ReceiptProof;

/**
 * Where ingestion signs and appends receipts: the port each runtime implements (`inProcessLog`
 * here, for the Worker, `:memory:` and tests; the Node entry's signing and commit threads for a
 * libSQL file). The app never asks which one it has.
 */
export interface AppendLog {
  /**
   * Signs each entry with its key (`signEntries`) and appends them all, in order, each with its
   * category rows and its share of the daily rollups, in one transaction: all or none. Resolves,
   * once committed, with one `StoredEntry` per entry, in order; rejects with the driver's error
   * (a stored id breaks the primary key; `SQLITE_BUSY` when the lock is held elsewhere) when
   * nothing was stored.
   */
  append(entries: readonly LogEntry[]): Promise<StoredEntry[]>;
  /**
   * How many appends may run at once (1 when absent). A log that takes every append waiting for
   * it into its next transaction (the commit thread) stays busy with a few in flight.
   */
  readonly concurrency?: number;
}
