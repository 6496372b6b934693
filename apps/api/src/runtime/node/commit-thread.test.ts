import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7, verifyReceipt } from "@assent/core";
import { localClient, openLibsql } from "@assent/db/libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appendRows,
  type PendingSignature,
  type ReceiptWrite,
  toStoredReceipt,
} from "../../receipts";
import { seed } from "../../seed";
import { digestReceipt, type SigningKey, signingKeyFor, siteJwks } from "../../signing";
import { sampleReceiptRow } from "../../test-support/sample-receipt";
import { type CommitThread, startCommitThread } from "./commit-thread";
import { nodePrimitives } from "./node-signature";

const dir = mkdtempSync(join(tmpdir(), "assent-commit-thread-"));
const DB_FILE = join(dir, "assent.db");
const DB_URL = `file:${DB_FILE}`;
let handle: Awaited<ReturnType<typeof openLibsql>>;
let thread: CommitThread;
let key: SigningKey;

beforeAll(async () => {
  handle = await openLibsql({ url: DB_URL });
  await seed(handle.db, {
    origin: "http://x",
    ownerEmail: "o@x.org",
    ownerPassword: "pw-123456789",
    now: 1,
  });
  key = await signingKeyFor(handle.db, { id: 1, key: "demo" }, Date.now());
  thread = startCommitThread(DB_URL);
});
afterAll(async () => {
  await thread?.close();
  await handle?.close();
  rmSync(dir, { recursive: true, force: true });
});

const categories = { necessary: true, analytics: false };

/** A receipt as the route hands it over: digested, its signature left to the commit. */
async function unsigned(id = uuidv7()): Promise<ReceiptWrite> {
  const row = sampleReceiptRow({ id, categories, userAgent: "test" });
  const digest = await digestReceipt(toStoredReceipt(row, "demo"), nodePrimitives);
  return {
    row: { ...row, digest, signature: "", keyId: key.kid },
    categories,
    sign: { kid: key.kid, key: key.privateKey, digest },
  };
}

/** What the writer sends for a batch: its rows and the signatures the commit is to make. */
function batch(writes: ReceiptWrite[]): [ReturnType<typeof appendRows>, PendingSignature[]] {
  const pending = writes.map((w, row) => ({
    ...(w.sign as NonNullable<ReceiptWrite["sign"]>),
    row,
  }));
  return [appendRows(writes), pending];
}

const count = async (sql: string) => Number((await handle.client.execute(sql)).rows[0]?.[0]);

describe("commit thread", () => {
  it("signs, stores and returns each receipt's signature, verifiable with the site's JWKS", async () => {
    const writes = await Promise.all([unsigned(), unsigned(), unsigned()]);
    const signatures = await thread.commit(...batch(writes));
    expect(signatures).toHaveLength(3);
    const jwks = await siteJwks(handle.db, 1);
    for (const [i, write] of writes.entries()) {
      const stored = await handle.client.execute({
        sql: "SELECT signature FROM receipts WHERE id = ?",
        args: [write.row.id],
      });
      expect(stored.rows[0]?.[0]).toBe(signatures?.[i]);
      const receipt = toStoredReceipt({ ...write.row, signature: signatures?.[i] ?? "" }, "demo");
      expect((await verifyReceipt(receipt, jwks)).valid).toBe(true);
    }
  });

  it("fails only the batch that breaks a constraint when batches wait for one commit", async () => {
    const taken = await unsigned();
    await thread.commit(...batch([taken]));
    const before = await count("SELECT count(*) FROM receipts");
    // A big batch keeps the thread busy, so the next two wait and are taken into one commit.
    const big = await Promise.all(Array.from({ length: 2000 }, () => unsigned()));
    const bad = [await unsigned(), await unsigned(taken.row.id)];
    const good = [await unsigned(), await unsigned()];
    const outcomes = await Promise.allSettled([
      thread.commit(...batch(big)),
      thread.commit(...batch(bad)),
      thread.commit(...batch(good)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(await count("SELECT count(*) FROM receipts")).toBe(before + 2002);
    expect(await count(`SELECT count(*) FROM receipts WHERE id = '${bad[0]?.row.id}'`)).toBe(0);
    expect(await count("SELECT sum(count) FROM daily_method_stats")).toBe(before + 2002);
  });

  it("copies the write-ahead log into the database file between commits, off the commit thread", async () => {
    // Nothing else checkpoints here: the commit thread only past 16,000 pages of log, and the
    // test's own connection only after a write of its own.
    const before = statSync(DB_FILE).size;
    const writes = await Promise.all(Array.from({ length: 1000 }, () => unsigned()));
    await thread.commit(...batch(writes));
    const deadline = Date.now() + 5000;
    while (statSync(DB_FILE).size < before + 500_000 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(statSync(DB_FILE).size).toBeGreaterThanOrEqual(before + 500_000);
  });

  it("leaves no lock behind after a failed transaction: another process writes at once", async () => {
    const taken = await unsigned();
    await thread.commit(...batch([taken]));
    await expect(thread.commit(...batch([await unsigned(taken.row.id)]))).rejects.toThrow(/UNIQUE/);
    const other = localClient(DB_URL, 200);
    try {
      await other.execute(
        "INSERT INTO audit_log (at, site_id, action) VALUES (1, 1, 'test.probe')",
      );
    } finally {
      other.close();
    }
    const next = await unsigned();
    await expect(thread.commit(...batch([next]))).resolves.toHaveLength(1);
  });
});
