import { type Database, receipts } from "@assent/db";
import { inArray } from "drizzle-orm";
import { appendStatements, type ReceiptWrite, runBatch } from "./receipt-statements";
import type { ReceiptRow } from "./receipt-store";

/** Result of appending a receipt: `created` is false when its id was already stored. */
export interface WriteResult {
  created: boolean;
  row: ReceiptRow;
}

/** Limits of one group commit. */
export interface WriterLimits {
  /** Most receipts committed together (default 1,000). */
  maxBatch?: number;
  /** Most bound parameters in one statement (default 100, D1's limit). */
  maxParams?: number;
  /**
   * Whether concurrent receipts share a transaction (default true). Workers must turn it off: a
   * request there may not wait on a commit that another request's I/O performs.
   */
  groupCommit?: boolean;
}

interface Pending extends ReceiptWrite {
  resolve(result: WriteResult): void;
  reject(err: unknown): void;
}

/**
 * Group commit for the consent log. Every receipt that arrives while a commit is running waits
 * for the next one, and that next commit writes all of them in a single transaction, so the
 * number of fsyncs follows the commit rate, not the request rate. Each caller's promise settles
 * only after the transaction holding its receipt has committed.
 *
 * Idempotent by id: ids already stored (or repeated within a batch) are not written again; the
 * stored row is returned instead. If a batch fails (e.g. another process inserted one of its ids
 * meanwhile), its receipts are retried one by one, so one bad receipt cannot fail the others.
 */
export class ReceiptWriter {
  private queue: Pending[] = [];
  private flushing = false;
  private readonly maxBatch: number;
  private readonly maxParams: number;
  private readonly grouped: boolean;

  constructor(
    private readonly db: Database,
    limits: WriterLimits = {},
  ) {
    this.maxBatch = limits.maxBatch ?? 1000;
    this.maxParams = limits.maxParams ?? 100;
    this.grouped = limits.groupCommit ?? true;
  }

  /** Appends a receipt; resolves once it is committed (or found already stored). */
  write(entry: ReceiptWrite): Promise<WriteResult> {
    return new Promise((resolve, reject) => {
      const pending = { ...entry, resolve, reject };
      if (!this.grouped) {
        void this.commit([pending], false);
        return;
      }
      this.queue.push(pending);
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.commit(batch, true);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async stored(ids: string[]): Promise<Map<string, ReceiptRow>> {
    const found = new Map<string, ReceiptRow>();
    const size = Math.max(1, this.maxParams);
    for (let i = 0; i < ids.length; i += size) {
      const rows = await this.db
        .select()
        .from(receipts)
        .where(inArray(receipts.id, ids.slice(i, i + size)));
      for (const row of rows) found.set(row.id, row);
    }
    return found;
  }

  private async commit(batch: Pending[], retryAlone: boolean): Promise<void> {
    try {
      const first = new Map<string, Pending>();
      for (const p of batch) if (!first.has(p.row.id)) first.set(p.row.id, p);
      const existing = await this.stored([...first.keys()]);
      const fresh = [...first.values()].filter((p) => !existing.has(p.row.id));
      await runBatch(this.db, appendStatements(this.db, fresh, this.maxParams));
      for (const p of batch) {
        const old = existing.get(p.row.id);
        const winner = first.get(p.row.id);
        if (old) p.resolve({ created: false, row: old });
        else if (winner === p) p.resolve({ created: true, row: p.row });
        else p.resolve({ created: false, row: (winner as Pending).row });
      }
    } catch (err) {
      if (retryAlone && batch.length > 1) {
        for (const p of batch) await this.commit([p], false);
        return;
      }
      for (const p of batch) p.reject(err);
    }
  }
}

const writers = new WeakMap<Database, ReceiptWriter>();

/** The one writer of a database in this process (group commit needs a single queue). */
export function receiptWriter(db: Database, limits?: WriterLimits): ReceiptWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new ReceiptWriter(db, limits);
    writers.set(db, writer);
  }
  return writer;
}
