import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7, verifyReceipt } from "@assent/core";
import { localClient, openLibsql } from "@assent/db/libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LogEntry, toStoredReceipt } from "../../receipts";
import { appendLogContract } from "../../receipts/append-log.contract";
import { seed } from "../../seed";
import { type SigningKey, signingKeyFor, siteJwks } from "../../signing";
import { sampleReceiptRow } from "../../test-support/sample-receipt";
import { type ThreadedLog, threadedLog } from "./threaded-log";

/** A fresh seeded libSQL file, its threaded log, and a connection of the test's own to read. */
async function openTarget() {
  const dir = mkdtempSync(join(tmpdir(), "assent-threaded-log-"));
  const file = join(dir, "assent.db");
  const handle = await openLibsql({ url: `file:${file}` });
  await seed(handle.db, { origin: "http://x", ownerEmail: "o@x.org", now: 1 });
  const log = threadedLog(file);
  await log.ready();
  return {
    file,
    handle,
    log,
    scalar: async (sql: string) => Number((await handle.client.execute(sql)).rows[0]?.[0] ?? 0),
    close: async () => {
      await log.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

appendLogContract("commit thread, libSQL file", openTarget);

describe("the commit thread's log", () => {
  let target: Awaited<ReturnType<typeof openTarget>>;
  let log: ThreadedLog;
  let key: SigningKey;
  beforeAll(async () => {
    target = await openTarget();
    log = target.log;
    key = await signingKeyFor(target.handle.db, { id: 1, key: "demo" }, Date.now());
  }, 30_000);
  afterAll(async () => target?.close());

  const categories = { necessary: true, analytics: false };
  const count = (sql: string) => target.scalar(sql);

  /** A receipt as the route hands it over, with the site's key to sign it. */
  const signed = async (id = uuidv7()): Promise<LogEntry> => ({
    row: sampleReceiptRow({ id, categories, userAgent: "test" }),
    categories,
    key,
    siteKey: "demo",
  });

  it("signs on its thread, stores and returns each receipt's signature, verifiable with the site's JWKS", async () => {
    const writes = await Promise.all([signed(), signed(), signed()]);
    const proofs = await log.append(writes);
    expect(proofs).toHaveLength(3);
    const jwks = await siteJwks(target.handle.db, 1);
    for (const [i, write] of writes.entries()) {
      const [row] = await target.handle.db.query.receipts.findMany({
        where: (r, { eq }) => eq(r.id, write.row.id),
      });
      expect(row?.signature).toBe(proofs[i]?.signature);
      expect((await verifyReceipt(toStoredReceipt(row ?? write.row, "demo"), jwks)).valid).toBe(
        true,
      );
    }
  });

  it("fails only the append that breaks a constraint when appends wait for one commit", async () => {
    const taken = await signed();
    await log.append([taken]);
    const before = await count("SELECT count(*) FROM receipts");
    // A big append keeps the thread busy, so the next two wait and are taken into one commit.
    const big = await Promise.all(Array.from({ length: 2000 }, () => signed()));
    const bad = [await signed(), await signed(taken.row.id)];
    const good = [await signed(), await signed()];
    const outcomes = await Promise.allSettled([log.append(big), log.append(bad), log.append(good)]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(await count("SELECT count(*) FROM receipts")).toBe(before + 2002);
    expect(await count(`SELECT count(*) FROM receipts WHERE id = '${bad[0]?.row.id}'`)).toBe(0);
    expect(await count("SELECT sum(count) FROM daily_method_stats")).toBe(before + 2002);
  }, 30_000);

  it("copies the write-ahead log into the database file between commits, off the commit thread", async () => {
    // Nothing else checkpoints here: no connection checkpoints on its own (`LOCAL_PRAGMAS`).
    const before = statSync(target.file).size;
    await log.append(await Promise.all(Array.from({ length: 1000 }, () => signed())));
    const deadline = Date.now() + 5000;
    while (statSync(target.file).size < before + 500_000 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(statSync(target.file).size).toBeGreaterThanOrEqual(before + 500_000);
  }, 30_000);

  it("leaves no lock behind after a failed transaction: another process writes at once", async () => {
    const taken = await signed();
    await log.append([taken]);
    await expect(log.append([await signed(taken.row.id)])).rejects.toThrow(/UNIQUE/);
    const other = localClient(`file:${target.file}`, 200);
    try {
      await other.execute(
        "INSERT INTO audit_log (at, site_id, action) VALUES (1, 1, 'test.probe')",
      );
    } finally {
      other.close();
    }
    await expect(log.append([await signed()])).resolves.toHaveLength(1);
  });
});
