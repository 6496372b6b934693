import Libsql from "libsql";
import { LOCAL_PRAGMAS, mustReconnect } from "./local-file";

/** A statement and the rows it runs for, one run each (bound positionally). */
export interface RowStatement {
  sql: string;
  rows: unknown[][];
}

/** Most prepared statements a connection keeps; past it the oldest is dropped. */
const MAX_PREPARED = 32;

/**
 * A synchronous connection to an embedded libSQL file, for a thread that may block (the commit
 * and checkpoint threads). Opened on first use with `LOCAL_PRAGMAS`; after a failure that leaves
 * it unusable (`mustReconnect`, or a rollback that failed) it is closed, and the next call opens
 * a fresh one. Statements are prepared once per connection.
 */
export class LocalConnection {
  private db: Libsql.Database | null = null;
  private readonly prepared = new Map<string, Libsql.Statement<unknown[]>>();

  constructor(
    private readonly path: string,
    private readonly options: { busyTimeoutMs: number },
  ) {}

  /**
   * Runs every row of `statements` in one `BEGIN IMMEDIATE` ... `COMMIT`, waiting at most
   * `busyTimeoutMs` for the write lock. On failure the transaction is rolled back explicitly
   * (closing a connection that has prepared statements does not close it, so a transaction left
   * open would keep the write lock), and the error is thrown.
   */
  transaction(statements: readonly RowStatement[], busyTimeoutMs: number): void {
    const db = this.connection();
    try {
      db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
      db.exec("BEGIN IMMEDIATE");
      for (const { sql, rows } of statements) {
        const statement = this.statement(sql);
        for (const args of rows) statement.run(args);
      }
      db.exec("COMMIT");
    } catch (err) {
      if (!this.rollBack() || mustReconnect(err)) this.close();
      throw err;
    }
  }

  /**
   * Runs `work` while this connection holds the file's write lock (an empty `BEGIN IMMEDIATE`,
   * rolled back after), waiting at most `busyTimeoutMs` for it: meanwhile no connection, in this
   * process or another, can commit. Throws `SQLITE_BUSY` (and replaces the connection) when the
   * lock stays taken; `work`'s own failure is thrown once the lock is released.
   */
  whileWriteLocked<T>(work: () => T): T {
    const db = this.connection();
    try {
      db.exec("BEGIN IMMEDIATE");
    } catch (err) {
      if (!this.rollBack() || mustReconnect(err)) this.close();
      throw err;
    }
    try {
      return work();
    } finally {
      if (!this.rollBack()) this.close();
    }
  }

  /** Runs one statement outside a transaction; on failure the connection is replaced. */
  exec(sql: string): void {
    try {
      this.connection().exec(sql);
    } catch (err) {
      this.close();
      throw err;
    }
  }

  /** Closes the connection (a later call opens a fresh one). */
  close(): void {
    this.prepared.clear();
    try {
      this.db?.close();
    } catch {
      // Already unusable: dropping it is all that is left to do.
    }
    this.db = null;
  }

  private connection(): Libsql.Database {
    if (this.db) return this.db;
    const db = new Libsql(this.path, { timeout: this.options.busyTimeoutMs });
    try {
      for (const pragma of LOCAL_PRAGMAS) db.exec(pragma);
    } catch (err) {
      db.close();
      throw err;
    }
    this.db = db;
    return db;
  }

  private statement(sql: string): Libsql.Statement<unknown[]> {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.connection().prepare(sql);
      if (this.prepared.size >= MAX_PREPARED) {
        this.prepared.delete(this.prepared.keys().next().value as string);
      }
      this.prepared.set(sql, statement);
    }
    return statement;
  }

  /** Rolls back an open transaction; false when that failed (the connection is unusable). */
  private rollBack(): boolean {
    try {
      if (this.db?.inTransaction) this.db.exec("ROLLBACK");
      return true;
    } catch {
      return false;
    }
  }
}
