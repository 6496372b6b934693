import { isSqliteBusy } from "@assent/db";
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
