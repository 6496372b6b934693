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
 *
 * `wal_autocheckpoint = 0`: no commit checkpoints on its own. The SQLite bundled with libSQL
 * (3.45.1) has the WAL-reset bug (sqlite.org/wal.html#walresetbug, fixed upstream in 3.51.3, not in
 * any libSQL release: tursodatabase/libsql#2271): a passive checkpoint that has read the log's
 * header when another connection's commit restarts the log carries on with the stale header,
 * records frames of the new log as copied without copying them, and readers then find the
 * database malformed, for good. A commit's automatic checkpoint is such a passive checkpoint,
 * run after the write lock is released. So the checkpoint thread checkpoints (holding the write
 * lock, see `commit-thread/checkpointer.ts`), as does the last connection to close, alone on
 * the file.
 */
export const LOCAL_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = FULL",
  "PRAGMA foreign_keys = ON",
  "PRAGMA secure_delete = ON",
  "PRAGMA wal_autocheckpoint = 0",
] as const;

/**
 * Whether a connection to an embedded file must be replaced after `err`. The embedded driver
 * leaves a statement that failed with `SQLITE_BUSY` un-reset, and the connection's next write
 * then keeps the write lock after it returns, locking out every other connection and process
 * until that statement is garbage-collected: closing the connection releases everything.
 */
export const mustReconnect = (err: unknown): boolean => isSqliteBusy(err);
