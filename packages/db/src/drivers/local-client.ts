import type { Client, InStatement, TransactionMode } from "@libsql/client";
import { createClient } from "@libsql/client";
import { LOCAL_BUSY_TIMEOUT_MS, LOCAL_PRAGMAS, mustReconnect } from "./local-file";

export { LOCAL_BUSY_TIMEOUT_MS, LOCAL_PRAGMAS } from "./local-file";

/**
 * Copies the write-ahead log into the database file and truncates it to nothing, so the page
 * images it held (an erased row's old contents among them) leave the files. Retries while other
 * connections' readers keep the log busy; throws when they never let go. Unlike a passive
 * checkpoint (see `LOCAL_PRAGMAS`), this one takes the write lock before it reads the log, so no
 * commit can restart the log under it; only if the lock stays taken past the busy timeout does
 * SQLite fall back to a passive attempt.
 */
export async function truncateWriteAheadLog(client: Client, attempts = 40): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    const result = await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    if (Number(result.rows[0]?.[0] ?? 1) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the write-ahead log stayed busy: it was not truncated");
}

/**
 * A libSQL client for an embedded file (or `:memory:`) that stays usable after a lock timeout.
 *
 * Two properties of the embedded driver matter here:
 * - its pool opens extra connections when calls overlap, and a pragma run on one connection
 *   (busy timeout, foreign keys) does not reach the others. So the pool has one connection, whose
 *   busy timeout is set at open and whose pragmas run before anything else.
 * - after some failures (`mustReconnect`: a `SQLITE_BUSY`) the connection would keep the write
 *   lock; it is closed (which releases everything) and a fresh one is opened for the next call.
 */
export function localClient(url: string, busyTimeoutMs = LOCAL_BUSY_TIMEOUT_MS): Client {
  return new RecoveringClient(url, busyTimeoutMs) as unknown as Client;
}

class RecoveringClient {
  private current!: Client;
  private ready!: Promise<void>;

  constructor(
    private readonly url: string,
    private readonly busyTimeoutMs: number,
  ) {
    this.open();
  }

  get closed(): boolean {
    return this.current.closed;
  }

  get protocol(): string {
    return this.current.protocol;
  }

  execute(stmt: InStatement | string, args?: unknown) {
    return this.run((c) =>
      args === undefined ? c.execute(stmt) : c.execute(stmt as string, args as never),
    );
  }

  /**
   * A batch is one transaction. Without a mode (drizzle's `db.batch` names none) it takes the
   * write lock at its start (`BEGIN IMMEDIATE`), waiting up to the busy timeout for it: a
   * deferred one that read first could not upgrade once another connection had written. A batch
   * of reads only (every statement a `SELECT`) is one snapshot that never waits for the write
   * lock (`BEGIN DEFERRED`, in WAL mode): this driver is synchronous, so waiting for a lock
   * another connection holds would stall the whole event loop for up to the busy timeout.
   */
  batch(stmts: InStatement[], mode?: TransactionMode) {
    return this.run((c) => c.batch(stmts, mode ?? (readsOnly(stmts) ? "deferred" : "write")));
  }

  migrate(stmts: InStatement[]) {
    return this.run((c) => c.migrate(stmts));
  }

  executeMultiple(sql: string) {
    return this.run((c) => c.executeMultiple(sql));
  }

  async transaction(mode?: TransactionMode) {
    await this.ready;
    return this.current.transaction(mode);
  }

  sync() {
    return this.run((c) => c.sync());
  }

  async reconnect(): Promise<void> {
    this.current.close();
    this.open();
    await this.ready;
  }

  close(): void {
    this.current.close();
  }

  private open(): void {
    const client = createClient({ url: this.url, concurrency: 1, timeout: this.busyTimeoutMs });
    this.current = client;
    this.ready = (async () => {
      for (const pragma of LOCAL_PRAGMAS) await client.execute(pragma);
    })();
  }

  private async run<T>(call: (client: Client) => Promise<T>): Promise<T> {
    const client = this.current;
    try {
      await this.ready;
      if (client !== this.current) return await this.run(call);
      return await call(client);
    } catch (err) {
      if (mustReconnect(err) && client === this.current) {
        client.close();
        this.open();
      }
      throw err;
    }
  }
}

/** Whether every statement of a batch only reads (a plain `SELECT`). */
function readsOnly(stmts: InStatement[]): boolean {
  return stmts.every((s) => /^\s*SELECT\b/i.test(typeof s === "string" ? s : s.sql));
}
