import { uuidv7 } from "@assent/core";
import { openLibsql } from "@assent/db/libsql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DatabaseBusyError } from "../errors";
import { seed } from "../seed";
import { sampleReceiptRow } from "../test-support/sample-receipt";
import { rawSql } from "./raw-batch";
import { rowStatements, SIGNATURE_COLUMN } from "./receipt-statements";
import { ReceiptWriter } from "./receipt-writer";

let handle: Awaited<ReturnType<typeof openLibsql>>;
beforeEach(async () => {
  handle = await openLibsql({ url: ":memory:" });
  await seed(handle.db, {
    origin: "http://x",
    ownerEmail: "o@x.org",
    ownerPassword: "pw-123456789",
    now: 1,
  });
});
afterEach(async () => handle.close());

const categories = { necessary: true, analytics: false };
const write = (id = uuidv7(), siteId = 1) => ({
  categories,
  row: sampleReceiptRow({ id, siteId, categories, serverTime: Date.UTC(2026, 0, 2, 12) }),
});
const scalar = async (sql: string) => Number((await handle.client.execute(sql)).rows[0]?.[0]);

describe("ReceiptWriter (group commit)", () => {
  it("commits concurrent receipts together and keeps rollups equal to the log", async () => {
    const writer = new ReceiptWriter(handle.db, { maxParams: 30_000, maxBatch: 64 });
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
    const writer = new ReceiptWriter(handle.db);
    const id = uuidv7();
    const [a, b] = await Promise.all([writer.write(write(id)), writer.write(write(id))]);
    expect([a?.created, b?.created].sort()).toEqual([false, true]);
    expect(b?.row.id).toBe(id);
    expect(await scalar("SELECT count(*) FROM receipts")).toBe(1);
    expect(await scalar("SELECT sum(count) FROM daily_method_stats")).toBe(1);
  });

  it("does not let one failing receipt fail the others of its batch", async () => {
    const writer = new ReceiptWriter(handle.db);
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

  it("stores and returns the signatures a signing commit makes, in order", async () => {
    const raw = rawSql(handle.db);
    const signedBy: string[] = [];
    const writer = new ReceiptWriter(handle.db, {
      signsOnCommit: true,
      commit: async (rows, pending = []) => {
        const signatures = pending.map((p) => `sig-of-${p.digest}`);
        signedBy.push(...pending.map((p) => p.kid));
        pending.forEach((p, i) => {
          (rows.receipts[p.row] as unknown[])[SIGNATURE_COLUMN] = signatures[i];
        });
        await raw.batch(rowStatements(rows, 30_000));
        return signatures;
      },
    });
    expect(writer.signsOnCommit).toBe(true);
    const key = {} as CryptoKey;
    const writes = ["d1", "d2", "d3"].map((digest) => {
      const w = write();
      return { ...w, row: { ...w.row, digest, signature: "" }, sign: { kid: "k1", key, digest } };
    });
    const results = await Promise.all(writes.map((w) => writer.write(w)));
    expect(results.map((r) => r.row.signature)).toEqual(["sig-of-d1", "sig-of-d2", "sig-of-d3"]);
    expect(signedBy).toEqual(["k1", "k1", "k1"]);
    const stored = await raw.rows({
      sql: "SELECT digest, signature FROM receipts ORDER BY digest",
      args: [],
    });
    expect(stored).toEqual([
      ["d1", "sig-of-d1"],
      ["d2", "sig-of-d2"],
      ["d3", "sig-of-d3"],
    ]);
  });

  it("pipelines batches without ever writing an id twice", async () => {
    const raw = rawSql(handle.db);
    const writer = new ReceiptWriter(handle.db, {
      maxBatch: 2,
      pipeline: 2,
      commit: async (rows) => {
        await new Promise((r) => setTimeout(r, 5));
        await raw.batch(rowStatements(rows, 30_000));
        return undefined;
      },
    });
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
    const raw = rawSql(handle.db);
    const writer = new ReceiptWriter(handle.db, {
      maxParams: 30_000,
      maxBatch: 4,
      commit: async (rows) => {
        calls++;
        if (locked)
          throw Object.assign(new Error("SQLITE_BUSY: database is locked"), {
            code: "SQLITE_BUSY",
          });
        await raw.batch(rowStatements(rows, 30_000));
        return undefined;
      },
    });
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
