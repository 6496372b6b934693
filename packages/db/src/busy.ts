/** Whether an error (or its cause) is SQLite's `SQLITE_BUSY` family ("database is locked"). */
export function isSqliteBusy(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && code.startsWith("SQLITE_BUSY")) return true;
    if (typeof message === "string" && /SQLITE_BUSY|database is locked/i.test(message)) {
      return true;
    }
    e = cause;
  }
  return false;
}
