import { newSubjectId, type ReceiptJwks, type StoredReceipt, verifyReceipt } from "@assent/core";
import { receipts } from "@assent/db";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signingKeyFor } from "../signing";
import { createTestApp } from "../test-support/test-app";
import { inProcessLog } from "./in-process-log";
import { receiptRow } from "./receipt-store";
import { ReceiptWriter } from "./receipt-writer";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

/** Posts a receipt as the demo's banner would; returns the stored receipt the API answered. */
async function post(overrides: Parameters<typeof t.receipt>[0]): Promise<StoredReceipt> {
  const res = await t.post("/v1/receipts", t.receipt(overrides));
  expect(res.status).toBe(201);
  return res.json();
}

/** The link stored for a receipt, and whether the answer's signature verifies. */
async function check(receipt: StoredReceipt) {
  const jwks: ReceiptJwks = await (await t.app.request("/v1/sites/demo/jwks")).json();
  const [row] = await t.db
    .select({ previousId: receipts.previousId })
    .from(receipts)
    .where(eq(receipts.id, receipt.id));
  return { stored: row?.previousId, valid: (await verifyReceipt(receipt, jwks)).valid };
}

describe("a receipt's link to the previous one", () => {
  it("is kept when it names the same subject's receipt on the site, and signed", async () => {
    const subjectId = newSubjectId();
    const first = await post({ subjectId });
    const next = await post({ subjectId, method: "withdraw", previousId: first.id });
    expect(next.previousId).toBe(first.id);
    expect(await check(next)).toEqual({ stored: first.id, valid: true });
  });

  it.each([
    ["another subject's receipt", "other"],
    ["a receipt that does not exist", "missing"],
    ["another site's receipt of the same subject id", "site"],
  ] as const)(
    "is stored as null when it names %s, the receipt kept and signed as stored",
    async (_name, kind) => {
      const subjectId = newSubjectId();
      let previousId = "01890000-0000-7000-8000-000000000000";
      if (kind === "other") previousId = (await post({ subjectId: newSubjectId() })).id;
      if (kind === "site") {
        const other = await t.addSite("other-site");
        const res = await t.post(
          "/v1/receipts",
          t.receiptFor("other-site", other.config, { subjectId }),
        );
        expect(res.status).toBe(201);
        previousId = ((await res.json()) as StoredReceipt).id;
      }
      const receipt = await post({ subjectId, previousId });
      expect(receipt.previousId).toBeNull();
      expect(await check(receipt)).toEqual({ stored: null, valid: true });
      // What the admin API shows as its history: nothing before it.
      const a = await t.admin();
      const listed = await (await a.get(`/v1/admin/receipts?site=demo&id=${receipt.id}`)).json();
      expect(listed.items[0].previousId).toBeNull();
    },
  );

  it("links receipts committed together only to an earlier one of the same subject", async () => {
    const writer = new ReceiptWriter(t.db, inProcessLog(t.db));
    const key = await signingKeyFor(t.db, { id: 1, key: "demo" }, Date.now());
    const subjectId = newSubjectId();
    const entry = (input: ReturnType<typeof t.receipt>) => ({
      row: receiptRow(input, {
        siteId: 1,
        serverTime: Date.now(),
        ip: null,
        userAgent: null,
        gpcHeader: false,
        jurisdiction: null,
        subdivision: null,
        ruleId: null,
        configVersion: 1,
      }),
      categories: input.decision.categories,
      key,
      siteKey: "demo",
    });
    const first = t.receipt({ subjectId });
    const second = t.receipt({ subjectId, previousId: first.id });
    const stranger = t.receipt({ previousId: first.id });
    const ahead = t.receipt({ subjectId, previousId: second.id });
    // One batch, in this order: `ahead` names `second`, written after it in the same batch.
    const written = await Promise.all(
      [first, second, stranger, ahead].map((r) => writer.write(entry(r))),
    );
    expect(written.map((w) => w.row.previousId)).toEqual([null, first.id, null, second.id]);
    const reordered = t.receipt({ subjectId });
    const before = t.receipt({ subjectId, previousId: reordered.id });
    const [linkedAhead] = await Promise.all([
      writer.write(entry(before)),
      writer.write(entry(reordered)),
    ]);
    expect(linkedAhead?.row.previousId).toBeNull();
  });
});
