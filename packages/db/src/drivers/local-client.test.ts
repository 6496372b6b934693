import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { isSqliteBusy } from "../sqlite-errors";
import { localClient } from "./local-client";

const dir = mkdtempSync(join(tmpdir(), "assent-local-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function fileWithTable(name: string): Promise<string> {
  const url = `file:${join(dir, name)}`;
  const setup = localClient(url);
  await setup.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
  setup.close();
  return url;
}

describe("local libSQL client", () => {
  it("applies its pragmas to the connection it uses", async () => {
    const client = localClient(await fileWithTable("pragmas.db"));
    const [fk, journal, busy] = await Promise.all([
      client.execute("PRAGMA foreign_keys"),
      client.execute("PRAGMA journal_mode"),
      client.execute("PRAGMA busy_timeout"),
    ]);
    expect(Number(fk.rows[0]?.[0])).toBe(1);
    expect(String(journal.rows[0]?.[0])).toBe("wal");
    expect(Number(busy.rows[0]?.[0])).toBe(5000);
    client.close();
  });

  it("never checkpoints on its own: a commit, however large, leaves the log to the checkpoint thread", async () => {
    // SQLite's automatic checkpoint (past 1,000 pages of log) runs without the write lock, so it
    // may overlap another connection's commit: see LOCAL_PRAGMAS and commit-thread/checkpointer.ts.
    const url = await fileWithTable("no-autocheckpoint.db");
    const file = url.slice("file:".length);
    const client = localClient(url);
    const before = statSync(file).size;
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      sql: "INSERT INTO t (v) VALUES (?)",
      args: [`${i} ${"x".repeat(3000)}`],
    }));
    await client.batch(rows, "write");
    expect(statSync(file).size).toBe(before);
    client.close();
  });

  it("reads a batch of SELECTs as one snapshot without waiting for someone else's write lock", async () => {
    const url = await fileWithTable("snapshot.db");
    const ours = localClient(url, 100);
    await ours.execute("INSERT INTO t (v) VALUES ('before')");
    const other = createClient({ url, timeout: 100 });
    const lock = await other.transaction("write");
    await lock.execute("INSERT INTO t (v) VALUES ('uncommitted')");
    // A write batch waits for the lock, and gives up; a read batch reads what was committed.
    const write = await ours
      .batch(["SELECT count(*) FROM t", "INSERT INTO t (v) VALUES ('x')"])
      .catch((e) => e);
    expect(isSqliteBusy(write)).toBe(true);
    const [count, values] = await ours.batch(["SELECT count(*) FROM t", "SELECT v FROM t"]);
    expect(Number(count?.rows[0]?.[0])).toBe(1);
    expect(values?.rows.map((r) => r[0])).toEqual(["before"]);
    await lock.commit();
    other.close();
    ours.close();
  });

  it("does not keep the write lock after a write that timed out on someone else's lock", async () => {
    const url = await fileWithTable("busy.db");
    const ours = localClient(url, 100);
    const other = createClient({ url, timeout: 100 });
    const lock = await other.transaction("write");
    await lock.execute("INSERT INTO t (v) VALUES ('held')");
    const refused = await ours.execute("INSERT INTO t (v) VALUES ('refused')").catch((e) => e);
    expect(isSqliteBusy(refused)).toBe(true);
    await lock.commit();

    await ours.execute("INSERT INTO t (v) VALUES ('ours')");
    // Another connection can write at once: our earlier failure left nothing holding the lock.
    await other.execute("INSERT INTO t (v) VALUES ('theirs')");
    const rows = await ours.execute("SELECT v FROM t ORDER BY id");
    expect(rows.rows.map((r) => r.v)).toEqual(["held", "ours", "theirs"]);
    ours.close();
    other.close();
  });
});
