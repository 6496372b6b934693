import { isDatabaseUnreachable, isSqliteBusy } from "@assent/db";
import { ApiError } from "./api-error";

/** Seconds a client is asked to wait when the database is locked. */
const BUSY_RETRY_AFTER_S = 2;

/**
 * The database stayed locked (another process holds a write lock) past the wait the server
 * allows; nothing was stored. `503 DATABASE_BUSY` with `Retry-After`: a receipt retried later
 * with the same id is stored once.
 */
export class DatabaseBusyError extends ApiError {
  constructor() {
    super("DATABASE_BUSY", undefined, { headers: { "Retry-After": String(BUSY_RETRY_AFTER_S) } });
    this.name = "DatabaseBusyError";
  }
}

/** Whether an error is a `DatabaseBusyError` or SQLite's `SQLITE_BUSY` ("database is locked"). */
export function isDatabaseBusy(err: unknown): boolean {
  return err instanceof DatabaseBusyError || isSqliteBusy(err);
}

/**
 * The database could not be reached for a moment (D1's transient failures: a lost connection, a
 * reset or overloaded database). Whether a write committed is not known, so unlike
 * `DatabaseBusyError` nothing is promised about it: `503 DATABASE_UNAVAILABLE` with `Retry-After`,
 * and a receipt retried with the same id is stored once.
 */
export class DatabaseUnavailableError extends ApiError {
  constructor() {
    super("DATABASE_UNAVAILABLE", undefined, {
      headers: { "Retry-After": String(BUSY_RETRY_AFTER_S) },
    });
    this.name = "DatabaseUnavailableError";
  }
}

/**
 * The answer a database failure gets: a lock becomes `DatabaseBusyError`, a transient failure
 * `DatabaseUnavailableError`; anything else is returned as it is.
 */
export function databaseFailure(err: Error): Error {
  if (err instanceof ApiError) return err;
  if (isSqliteBusy(err)) return new DatabaseBusyError();
  if (isDatabaseUnreachable(err)) return new DatabaseUnavailableError();
  return err;
}
