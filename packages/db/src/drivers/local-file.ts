import { isSqliteBusy } from "../sqlite-errors";

/**
 * How long a statement on an embedded file waits for another connection's write lock before it
 * fails with `SQLITE_BUSY`.
 */
export const LOCAL_BUSY_TIMEOUT_MS = 5000;

/**
 * The pragmas every connection to an embedded file runs before its first statement.
 * `secure_delete` overwrites deleted and replaced content with zeros, so an erased subject id or
 * page path does not linger in the file's free space.
 */
export const LOCAL_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = FULL",
  "PRAGMA foreign_keys = ON",
  "PRAGMA secure_delete = ON",
] as const;

/**
 * Whether a connection to an embedded file must be replaced after `err`. The embedded driver
 * leaves a statement that failed with `SQLITE_BUSY` un-reset, and the connection's next write
 * then keeps the write lock after it returns, locking out every other connection and process
 * until that statement is garbage-collected: closing the connection releases everything.
 */
export const mustReconnect = (err: unknown): boolean => isSqliteBusy(err);
