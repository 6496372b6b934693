import { type Database, isUniqueViolation, receipts } from "@assent/db";
import { inArray } from "drizzle-orm";
import { DatabaseBusyError, isDatabaseBusy } from "../errors";
import { type RawSql, rawSql } from "./raw-batch";
import {
  type AppendRows,
  appendRows,
  type PendingSignature,
  type ReceiptWrite,
  rowStatements,
} from "./receipt-statements";
import type { ReceiptRow } from "./receipt-store";

/** Result of appending a receipt: `created` is false when its id was already stored. */
export interface WriteResult {
  created: boolean;
  row: ReceiptRow;
}

/** Limits of one group commit. */
export interface WriterLimits {
  /** Most receipts committed together (default 256: a bigger batch stalls the loop longer). */
  maxBatch?: number;
  /** Most bound parameters in one statement (default 100, D1's limit). */
  maxParams?: number;
  /**
   * Whether concurrent receipts share a transaction (default true). Workers must turn it off: a
   * request there may not wait on a commit that another request's I/O performs.
   */
  groupCommit?: boolean;
  /**
   * Appends a batch's rows in one transaction somewhere other than `db`'s own connection (the
   * Node entry passes a commit thread). Defaults to `rowStatements` run as one driver batch.
   */
  commit?: (rows: AppendRows, signatures?: PendingSignature[]) => Promise<string[] | undefined>;
  /**
   * Whether `commit` signs receipts (the Node commit thread does, off the main thread): the route
   * then hands over each receipt's digest and key instead of a signature, and `commit` stores
   * the signature of each `PendingSignature` in its row and returns them in order.
   */
  signsOnCommit?: boolean;
  /**
   * Batches allowed in flight at once (default 1). The Node commit thread takes every batch
   * waiting for it into its next transaction, so a few in flight keep it busy without making
   * the receipts received meanwhile wait for a slot; a receipt whose id is in flight waits.
   */
  pipeline?: number;
}

/**
 * Runs after the pending I/O callbacks: every request already received gets to join the next
 * commit (the embedded libSQL driver is synchronous, so a commit blocks the loop while it runs).
 */
const later: (fn: () => void) => void =
  typeof setImmediate === "function" ? (fn) => setImmediate(fn) : (fn) => setTimeout(fn, 0);

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
 * stored row is returned instead (found after an optimistic insert trips the primary key). If a
 * batch fails otherwise, its receipts are retried one by one, so one bad receipt cannot fail the
 * others.
 * A batch that finds the database locked (`SQLITE_BUSY`) fails with `DatabaseBusyError`, and so
 * does every receipt queued behind it.
 */
export class ReceiptWriter {
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight = 0;
  private readonly inFlightIds = new Set<string>();
  private readonly maxInFlight: number;
  private readonly maxBatch: number;
  private readonly maxParams: number;
  private readonly grouped: boolean;
  private readonly raw: RawSql;
  private readonly commitBatch: NonNullable<WriterLimits["commit"]>;
  /** Whether receipts may be handed over unsigned, with a `sign` for the commit. */
  readonly signsOnCommit: boolean;

  constructor(
    private readonly db: Database,
    limits: WriterLimits = {},
  ) {
    this.maxBatch = limits.maxBatch ?? 256;
    this.maxParams = limits.maxParams ?? 100;
    this.grouped = limits.groupCommit ?? true;
    this.raw = rawSql(db);
    this.commitBatch =
      limits.commit ??
      (async (rows) => {
        await this.raw.batch(rowStatements(rows, this.maxParams));
        return undefined;
      });
    this.signsOnCommit = !!(limits.commit && limits.signsOnCommit);
    this.maxInFlight = Math.max(1, limits.pipeline ?? 1);
  }

  /**
   * Resolves once every receipt handed to the writer so far is committed or refused (within
   * `timeoutMs`): a server that stops waits for this before closing the database.
   */
  async drain(timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while ((this.queue.length > 0 || this.inFlight > 0) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
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
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    later(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  /** Starts batches while fewer than `maxInFlight` are committing. */
  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const taken = this.queue.splice(0, this.maxBatch);
      const batch = taken.filter((p) => !this.inFlightIds.has(p.row.id));
      const held = taken.filter((p) => this.inFlightIds.has(p.row.id));
      this.queue.unshift(...held);
      if (batch.length === 0) return;
      this.inFlight++;
      for (const p of batch) this.inFlightIds.add(p.row.id);
      void this.commit(batch, true).finally(() => {
        this.inFlight--;
        for (const p of batch) this.inFlightIds.delete(p.row.id);
        if (this.queue.length > 0) this.schedule();
      });
    }
  }

  /** Which of these ids are stored already (rows read through drizzle only for those). */
  private async stored(ids: string[]): Promise<Map<string, ReceiptRow>> {
    const found = new Map<string, ReceiptRow>();
    const size = Math.max(1, this.maxParams);
    const hits: string[] = [];
    for (let i = 0; i < ids.length; i += size) {
      const part = ids.slice(i, i + size);
      const rows = await this.raw.rows({
        sql: `SELECT id FROM receipts WHERE id IN (${part.map(() => "?").join(",")})`,
        args: part,
      });
      for (const row of rows) hits.push(String(row[0]));
    }
    for (let i = 0; i < hits.length; i += size) {
      const part = hits.slice(i, i + size);
      const rows = await this.db.select().from(receipts).where(inArray(receipts.id, part));
      for (const row of rows) found.set(row.id, row);
    }
    return found;
  }

  /** Writes new receipts; those left to the commit to sign get their signature once it ran. */
  private async commitFresh(fresh: Pending[]): Promise<void> {
    const pending: PendingSignature[] = [];
    fresh.forEach((p, row) => {
      if (p.sign) pending.push({ ...p.sign, row });
    });
    const signatures = await this.commitBatch(
      appendRows(fresh),
      pending.length > 0 ? pending : undefined,
    );
    if (pending.length === 0) return;
    if (signatures?.length !== pending.length) {
      throw new Error("the commit did not return a signature for every receipt it signed");
    }
    pending.forEach(({ row }, i) => {
      (fresh[row] as Pending).row.signature = signatures[i] as string;
    });
  }

  /**
   * Commits a batch. The first attempt writes optimistically (a fresh id is by far the common
   * case); a uniqueness violation means an id was stored before (a client's retry), and the
   * batch, rolled back as a whole, is tried again after looking up which ids are stored.
   */
  private async commit(batch: Pending[], retryAlone: boolean, lookFirst = false): Promise<void> {
    try {
      const first = new Map<string, Pending>();
      for (const p of batch) if (!first.has(p.row.id)) first.set(p.row.id, p);
      const existing = lookFirst ? await this.stored([...first.keys()]) : new Map();
      const fresh = [...first.values()].filter((p) => !existing.has(p.row.id));
      if (fresh.length > 0) await this.commitFresh(fresh);
      for (const p of batch) {
        const old = existing.get(p.row.id);
        const winner = first.get(p.row.id);
        if (old) p.resolve({ created: false, row: old });
        else if (winner === p) p.resolve({ created: true, row: p.row });
        else p.resolve({ created: false, row: (winner as Pending).row });
      }
    } catch (err) {
      if (isDatabaseBusy(err)) {
        // Locked by another process: everything waiting would wait as long again. Answer now.
        const busy = new DatabaseBusyError();
        for (const p of [...batch, ...this.queue.splice(0)]) p.reject(busy);
        return;
      }
      if (!lookFirst && isUniqueViolation(err)) {
        await this.commit(batch, retryAlone, true);
        return;
      }
      if (retryAlone && batch.length > 1) {
        for (const p of batch) await this.commit([p], false, true);
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
