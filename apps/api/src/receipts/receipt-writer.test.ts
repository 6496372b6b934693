import { uuidv7 } from "@assent/core";
import { openLibsql } from "@assent/db/libsql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DatabaseBusyError } from "../errors";
import { seed } from "../seed";
import { type SigningKey, signingKeyFor } from "../signing";
import { sampleReceiptRow } from "../test-support/sample-receipt";
import type { AppendLog, LogEntry } from "./append-log";
import { inProcessLog } from "./in-process-log";
import { ReceiptWriter } from "./receipt-writer";

let handle: Awaited<ReturnType<typeof openLibsql>>;
let key: SigningKey;
beforeEach(async () => {
  handle = await openLibsql({ url: ":memory:" });
  await seed(handle.db, {
    origin: "http://x",
    ownerEmail: "o@x.org",
    ownerPassword: "pw-123456789",
    now: 1,
  });
  key = await signingKeyFor(handle.db, { id: 1, key: "demo" }, 1);
});
afterEach(async () => handle.close());

const categories = { necessary: true, analytics: false };
const write = (id = uuidv7(), siteId = 1): LogEntry => ({
  categories,
  row: sampleReceiptRow({ id, siteId, categories, serverTime: Date.UTC(2026, 0, 2, 12) }),
  key,
  siteKey: "demo",
});
const scalar = async (sql: string) => Number((await handle.client.execute(sql)).rows[0]?.[0]);

describe("ReceiptWriter (group commit)", () => {
  it("commits concurrent receipts together and keeps rollups equal to the log", async () => {
    const writer = new ReceiptWriter(handle.db, inProcessLog(handle.db, { maxParams: 30_000 }), {
      maxBatch: 64,
    });
    const results = await Promise.all(Array.from({ length: 300 }, () => writer.write(write())));
    expect(results.every((r) => r.created)).toBe(true);
    expect(await scalar("SELECT count(*) FROM receipts")).toBe(300);
    expect(await scalar("SELECT count(*) FROM receipt_categories")).toBe(600);
    expect(await scalar("SELECT sum(count) FROM daily_method_stats WHERE day = 20455")).toBe(300);
    expect(
      await scalar("SELECT sum(granted) FROM daily_category_stats WHERE category = 'necessary'"),
    ).toBe(300);
    expect(
      await scalar("SELECT sum(denied) FROM daily_category_stats WHERE category = 'analytics'"),
    ).toBe(300);
  });

  it("stores an id sent twice in the same batch once", async () => {
    const writer = new ReceiptWriter(handle.db, inProcessLog(handle.db));
    const id = uuidv7();
    const [a, b] = await Promise.all([writer.write(write(id)), writer.write(write(id))]);
    expect([a?.created, b?.created].sort()).toEqual([false, true]);
    expect(b?.row.id).toBe(id);
    expect(await scalar("SELECT count(*) FROM receipts")).toBe(1);
    expect(await scalar("SELECT sum(count) FROM daily_method_stats")).toBe(1);
  });

  it("does not let one failing receipt fail the others of its batch", async () => {
    const writer = new ReceiptWriter(handle.db, inProcessLog(handle.db));
    const outcomes = await Promise.allSettled([
      writer.write(write()),
      writer.write(write(uuidv7(), 999)), // no such site: the foreign key refuses it
      writer.write(write()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await scalar("SELECT count(*) FROM receipts")).toBe(2);
    expect(await scalar("SELECT count(*) FROM receipt_categories")).toBe(4);
    expect(await scalar("SELECT sum(count) FROM daily_method_stats")).toBe(2);
  });

  it("hands the log every receipt in the order it arrived, grouped", async () => {
    const appended: LogEntry[][] = [];
    const log = inProcessLog(handle.db);
    const writer = new ReceiptWriter(handle.db, {
      append: (entries) => {
        appended.push([...entries]);
        return log.append(entries);
      },
    });
    const writes = Array.from({ length: 5 }, () => write());
    await Promise.all(writes.map((w) => writer.write(w)));
    expect(appended).toHaveLength(1);
    expect(appended.flat().map((e) => e.row.id)).toEqual(writes.map((w) => w.row.id));
  });

  it("pipelines batches without ever writing an id twice", async () => {
    const log = inProcessLog(handle.db);
    const slow: AppendLog = {
      concurrency: 2,
      append: async (entries) => {
        await new Promise((r) => setTimeout(r, 5));
        return log.append(entries);
      },
    };
    const writer = new ReceiptWriter(handle.db, slow, { maxBatch: 2 });
    const id = uuidv7();
    const writes = [write(id), write(), write(id), write(), write(id), write()];
    const results = await Promise.all(writes.map((w) => writer.write(w)));
    expect(results.filter((r) => r.row.id === id && r.created)).toHaveLength(1);
    expect(await scalar("SELECT count(*) FROM receipts")).toBe(4);
    expect(await scalar("SELECT sum(count) FROM daily_method_stats")).toBe(4);
  });

  it("fails a batch that finds the database locked at once, with everything queued behind it", async () => {
    let calls = 0;
    let locked = true;
    const log = inProcessLog(handle.db);
    const lockable: AppendLog = {
      append: async (entries) => {
        calls++;
        if (locked)
          throw Object.assign(new Error("SQLITE_BUSY: database is locked"), {
            code: "SQLITE_BUSY",
          });
        return log.append(entries);
      },
    };
    const writer = new ReceiptWriter(handle.db, lockable, { maxBatch: 4 });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => writer.write(write())),
    );
    expect(
      results.every((r) => r.status === "rejected" && r.reason instanceof DatabaseBusyError),
    ).toBe(true);
    // One attempt, not one per receipt: a locked database is not retried receipt by receipt.
    expect(calls).toBe(1);
    locked = false;
    expect((await writer.write(write())).created).toBe(true);
    expect(await scalar("SELECT count(*) FROM receipts")).toBe(1);
  });
});
