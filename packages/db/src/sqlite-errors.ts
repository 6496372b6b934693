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

/** Whether a failed write broke a UNIQUE or PRIMARY KEY constraint (libSQL and D1 wording). */
export function isUniqueViolation(err: unknown): boolean {
  for (const { code, message } of withCauses(err)) {
    if (code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE") return true;
    if (typeof message === "string" && /UNIQUE constraint failed/i.test(message)) return true;
  }
  return false;
}
