import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable, isSqliteBusy, isUniqueViolation } from "./sqlite-errors";

const wrapped = (message: string) => new Error("Failed query", { cause: new Error(message) });

describe("database errors", () => {
  it("reads D1's transient failures, also as a driver's cause", () => {
    for (const message of [
      "D1_ERROR: Network connection lost.",
      "D1_ERROR: Durable Object reset because its code was updated.",
      "D1_ERROR: Internal error: storage caused object to be reset.",
      "D1_ERROR: D1 DB is overloaded. Too many requests queued.",
    ]) {
      expect(isDatabaseUnreachable(new Error(message))).toBe(true);
      expect(isDatabaseUnreachable(wrapped(message))).toBe(true);
    }
  });

  it("does not take a statement's own failure for a transient one", () => {
    for (const message of [
      "D1_ERROR: UNIQUE constraint failed: witness_peers.site_id, witness_peers.vkey: SQLITE_CONSTRAINT",
      "D1_ERROR: no such table: sites: SQLITE_ERROR",
      "D1_ERROR: too many SQL variables at offset 12: SQLITE_ERROR",
      "database is locked",
    ]) {
      expect(isDatabaseUnreachable(wrapped(message))).toBe(false);
    }
  });

  it("tells a lock and a unique violation apart", () => {
    expect(isSqliteBusy(wrapped("SQLITE_BUSY: database is locked"))).toBe(true);
    expect(isUniqueViolation(wrapped("UNIQUE constraint failed: sites.key"))).toBe(true);
    expect(isSqliteBusy(wrapped("UNIQUE constraint failed: sites.key"))).toBe(false);
    expect(isUniqueViolation(wrapped("SQLITE_BUSY: database is locked"))).toBe(false);
  });
});
