/** The error itself and its `cause` chain (a driver often wraps SQLite's own error). */
function* withCauses(err: unknown): Generator<{ code?: unknown; message?: unknown }> {
  for (let e = err, depth = 0; e && depth < 5; depth++) {
    yield e as { code?: unknown; message?: unknown };
    e = (e as { cause?: unknown }).cause;
  }
}

/** Whether an error (or its cause) is SQLite's `SQLITE_BUSY` family ("database is locked"). */
export function isSqliteBusy(err: unknown): boolean {
  for (const { code, message } of withCauses(err)) {
    if (typeof code === "string" && code.startsWith("SQLITE_BUSY")) return true;
    if (typeof message === "string" && /SQLITE_BUSY|database is locked/i.test(message)) {
      return true;
    }
  }
  return false;
}

/**
 * D1's transient failures, which Cloudflare recommends retrying: the connection to the database
 * was lost, or its storage was reset (restarted, moved, updated), or its queue was full. The
 * statement may or may not have committed when the connection was lost.
 */
const D1_TRANSIENT =
  /Network connection lost|storage caused object to be reset|reset because its code was updated|D1 DB is overloaded/i;

/**
 * Whether an error (or its cause) is one of D1's transient failures (`D1_TRANSIENT`): the
 * database could not be reached for a moment, and the same request may succeed when retried.
 */
export function isDatabaseUnreachable(err: unknown): boolean {
  for (const { message } of withCauses(err)) {
    if (typeof message === "string" && D1_TRANSIENT.test(message)) return true;
  }
  return false;
}

/** Whether a failed write broke a UNIQUE or PRIMARY KEY constraint (libSQL and D1 wording). */
export function isUniqueViolation(err: unknown): boolean {
  for (const { code, message } of withCauses(err)) {
    if (code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE") return true;
    if (typeof message === "string" && /UNIQUE constraint failed/i.test(message)) return true;
  }
  return false;
}
