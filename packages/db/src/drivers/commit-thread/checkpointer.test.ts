import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localClient } from "../local-client";
import { startCommitThread } from "./index";

const dir = mkdtempSync(join(tmpdir(), "assent-checkpoint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(condition: () => boolean, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(20)) {
    if (condition()) return true;
  }
  return condition();
}

/**
 * The SQLite in libSQL corrupts a file when a checkpoint that has read the write-ahead log's
 * header overlaps a commit that restarts the log (the WAL-reset bug, see `checkpointer.ts`):
 * reproduced with a debugger holding a passive checkpoint there while another process commits,
 * after which every reader gets SQLITE_CORRUPT. A commit holds the write lock, so a checkpoint
 * under the write lock cannot overlap one. Here the file's size says whether a checkpoint ran:
 * the log's new pages reach the file only through one.
 */
describe("checkpoint thread", () => {
  it("checkpoints only while it holds the write lock, then copies the whole log", async () => {
    const file = join(dir, "shared.db");
    const client = localClient(`file:${file}`);
    await client.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
    const rows = Array.from({ length: 200 }, (_, i) => ({
      sql: "INSERT INTO t (v) VALUES (?)",
      args: [`${i} ${"x".repeat(500)}`],
    }));
    await client.batch(rows, "write");
    const before = statSync(file).size;

    // Another connection (another instance, say) holds the write lock: it may commit any moment.
    const other = localClient(`file:${file}`);
    const writing = await other.transaction("write");
    const thread = startCommitThread(file);
    await thread.ready();
    await sleep(900); // four rounds of the checkpoint thread
    const whileLocked = statSync(file).size;
    await writing.rollback();

    expect(whileLocked).toBe(before);
    expect(await eventually(() => statSync(file).size > before, 5000)).toBe(true);
    const count = await client.execute("SELECT count(*) FROM t");
    expect(Number(count.rows[0]?.[0])).toBe(200);
    await thread.close();
    other.close();
    client.close();
  }, 30_000);
});
