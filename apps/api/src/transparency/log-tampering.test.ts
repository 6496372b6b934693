import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  decodeEntryBundle,
  parseEntry,
  type ReceiptFile,
  type StoredReceipt,
  verifyReceiptFile,
} from "@assent/core";
import { receiptCategories, receipts } from "@assent/db";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SUBJECT_HEADER } from "../receipts";
import { purgeExpiredReceipts } from "../retention";
import { createTestApp, TEST_ORIGIN } from "../test-support/test-app";
import { integrate } from "./log-integrator";
import { logOverHttp } from "./log-over-http";

let dir: string;
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "assent-log-"));
  t = await createTestApp({ url: `file:${join(dir, "assent.db")}` });
});
afterEach(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const integrateNow = () => integrate(t.db, { publicOrigin: () => TEST_ORIGIN });
const log = () => logOverHttp((path) => t.app.request(path), "/v1/sites/demo/log/");

async function post(): Promise<StoredReceipt> {
  const res = await t.post("/v1/receipts", t.receipt());
  expect(res.status).toBe(201);
  return (await res.json()) as StoredReceipt;
}

/** What the visitor downloads: the receipt as served now, the site's keys, and its proof. */
async function receiptFile(id: string, subjectId: string): Promise<ReceiptFile> {
  const headers = { [SUBJECT_HEADER]: subjectId };
  const receipt = await (await t.app.request(`/v1/receipts/${id}`, { headers })).json();
  const jwks = await (await t.app.request("/v1/sites/demo/jwks")).json();
  const proof = await (await t.app.request(`/v1/receipts/${id}/proof`, { headers })).json();
  return { receipt, jwks, log: proof } as ReceiptFile;
}

/** The whole log as read over HTTP: its checkpoint and every entry. */
async function snapshot() {
  const checkpoint = await log().checkpoint();
  const size = Number(checkpoint.split("\n")[1]);
  const tile = await log().readTile({ level: "entries", index: 0, width: size });
  return { checkpoint, entries: decodeEntryBundle(tile).map(parseEntry) };
}

describe("what the log keeps whatever happens to the receipts table", () => {
  it("stays the same, root and entries, when a subject is erased and receipts are purged", async () => {
    const kept = [await post(), await post(), await post()];
    await integrateNow();
    const before = await snapshot();
    const a = await t.admin();
    const erased = await a.request("DELETE", `/v1/admin/subjects/${kept[0]?.subjectId}?site=demo`);
    expect(erased.status).toBe(200);
    const purged = await purgeExpiredReceipts(t.db, Date.now() + 10 * 366 * 86_400_000);
    expect(purged).toMatchObject([{ site: "demo", deleted: 3 }]);
    expect(await t.db.select().from(receipts)).toEqual([]);
    await integrateNow();
    expect(await snapshot()).toEqual(before);
  });

  it("makes an altered receipt fail verification loudly, and keeps a deleted one's entry", async () => {
    const receipt = await post();
    const other = await post();
    await integrateNow();
    const good = await receiptFile(receipt.id, receipt.subjectId);
    expect((await verifyReceiptFile(good)).ok).toBe(true);

    // Someone with the database turns the refusal of analytics into a grant.
    const decision = { ...receipt.decision, categories: { ...receipt.decision.categories } };
    decision.categories.analytics = !decision.categories.analytics;
    await t.db
      .update(receipts)
      .set({ decision: JSON.stringify(decision) })
      .where(eq(receipts.id, receipt.id));
    const altered = await receiptFile(receipt.id, receipt.subjectId);
    expect(altered.receipt.decision).toEqual(decision);
    const report = await verifyReceiptFile(altered);
    expect(report.ok).toBe(false);
    const failed = report.checks.filter((c) => !c.ok).map((c) => c.check);
    expect(failed).toEqual(["signature", "entry", "inclusion"]);
    // Even if the operator re-signed it, its new digest is not the one the log holds.
    const { entries } = await snapshot();
    expect(entries).toContainEqual({ kind: "receipt", digest: receipt.proof?.digest });

    // Deleting a row does not take its entry out of the log: the file its visitor kept still
    // verifies against the latest checkpoint, which the database no longer matches.
    const kept = await receiptFile(other.id, other.subjectId);
    await t.db.delete(receiptCategories).where(eq(receiptCategories.receiptId, other.id));
    await t.db.delete(receipts).where(eq(receipts.id, other.id));
    await integrateNow();
    const gone = await t.app.request(`/v1/receipts/${other.id}`, {
      headers: { [SUBJECT_HEADER]: other.subjectId },
    });
    expect(gone.status).toBe(404);
    expect(await log().checkpoint()).toBe(kept.log.checkpoint);
    expect((await verifyReceiptFile(kept)).ok).toBe(true);
    expect((await snapshot()).entries).toContainEqual({
      kind: "receipt",
      digest: other.proof?.digest,
    });
  });
});
