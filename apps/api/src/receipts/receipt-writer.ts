import { type Database, isUniqueViolation, MAX_BOUND_PARAMS, receipts } from "@assent/db";
import { inArray } from "drizzle-orm";
import { DatabaseBusyError, isDatabaseBusy } from "../errors";
import type { AppendLog, LogEntry, StoredEntry } from "./append-log";
import { ownLinks } from "./previous-link";
import { type RawSql, rawSql } from "./raw-batch";
import type { ReceiptRow } from "./receipt-store";

/** Result of appending a receipt: `created` is false when its id was already stored. */
export interface WriteResult {
  created: boolean;
  row: ReceiptRow;
}

/** How receipts are grouped into appends. */
export interface IngestLimits {
  /** Most receipts appended together (default 256: a bigger batch stalls the loop longer). */
  maxBatch?: number;
  /**
   * Whether concurrent receipts share an append (default true). Workers must turn it off: a
   * request there may not wait on a commit that another request's I/O performs.
   */
  groupCommit?: boolean;
}

/**
 * Runs after the pending I/O callbacks: every request already received gets to join the next
 * commit (the embedded libSQL driver is synchronous, so a commit blocks the loop while it runs).
 */
const later: (fn: () => void) => void =
  typeof setImmediate === "function" ? (fn) => setImmediate(fn) : (fn) => setTimeout(fn, 0);

interface Pending extends LogEntry {
  resolve(result: WriteResult): void;
  reject(err: unknown): void;
}

/**
 * Group commit for the consent log. Every receipt that arrives while an append is running waits
 * for the next one, and that next append hands all of them to the log (`AppendLog`) together, one
 * transaction, so the number of fsyncs follows the commit rate, not the request rate. Each
 * caller's promise settles only after the transaction holding its receipt has committed. As many
 * appends run at once as the log's `concurrency`; a receipt whose id is in flight waits.
 *
 * Idempotent by id: ids already stored (or repeated within a batch) are not written again; the
 * stored row is returned instead (found after an optimistic insert trips the primary key). If a
 * batch fails otherwise, its receipts are retried one by one, so one bad receipt cannot fail the
 * others. A receipt's `previousId` is kept only where it names the same subject's receipt
 * (`ownLinks`: one lookup by primary key per batch, before signing, so what is signed is stored).
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
  private readonly grouped: boolean;
  private readonly raw: RawSql;

  constructor(
    private readonly db: Database,
    private readonly log: AppendLog,
    limits: IngestLimits = {},
  ) {
    this.maxBatch = limits.maxBatch ?? 256;
    this.grouped = limits.groupCommit ?? true;
    this.raw = rawSql(db);
    this.maxInFlight = Math.max(1, log.concurrency ?? 1);
  }

  /** Signs and appends a receipt; resolves once it is committed (or found already stored). */
  write(entry: LogEntry): Promise<WriteResult> {
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
    const size = MAX_BOUND_PARAMS;
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

  /**
   * Appends fresh receipts, each linked to its previous receipt only where that is the same
   * subject's (`ownLinks`); their rows as stored (with their proofs), by id.
   */
  private async append(fresh: Pending[]): Promise<Map<string, ReceiptRow>> {
    const linked = await ownLinks(this.raw, fresh);
    const proofs = await this.log.append(linked);
    if (proofs.length !== linked.length) throw new Error("the log did not report every entry");
    return new Map(
      linked.map((p, i) => {
        const { digest, signature, kid } = proofs[i] as StoredEntry;
        return [p.row.id, { ...p.row, digest, signature, keyId: kid }];
      }),
    );
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
      const stored = fresh.length > 0 ? await this.append(fresh) : new Map();
      for (const p of batch) {
        const old = existing.get(p.row.id);
        const winner = first.get(p.row.id);
        if (old) p.resolve({ created: false, row: old });
        else p.resolve({ created: winner === p, row: stored.get(p.row.id) as ReceiptRow });
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
