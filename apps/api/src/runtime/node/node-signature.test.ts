import { openLibsql } from "@assent/db/libsql";
import { describe, expect, it } from "vitest";
import { receiptRow, toStoredReceipt } from "../../receipts";
import { seed } from "../../seed";
import { signingKeyFor, signReceipt, webPrimitives } from "../../signing";
import { nodePrimitives } from "./node-signature";

describe("node:crypto signature primitives", () => {
  it("give byte-identical proofs to WebCrypto", async () => {
    const { db, close } = await openLibsql({ url: ":memory:" });
    await seed(db, {
      origin: "http://x",
      ownerEmail: "o@x.org",
      ownerPassword: "pw-123456789",
      now: 1,
    });
    const key = await signingKeyFor(db, { id: 1, key: "demo" }, 1);
    const receipt = toStoredReceipt(
      receiptRow(
        {
          id: "01934f5e-8c2a-7b3d-9f00-1a2b3c4d5e6f",
          siteKey: "demo",
          subjectId: "AAAAAAAAAAAAAAAAAAAAAA",
          policyVersion: "1",
          configHash: "a".repeat(64),
          language: "en",
          method: "accept-all",
          decision: { categories: { necessary: true, analytics: true }, services: {} },
          gpc: false,
          pagePath: "/é/",
        },
        {
          siteId: 1,
          serverTime: 1,
          ip: null,
          userAgent: "ü",
          gpcHeader: false,
          jurisdiction: null,
        },
      ),
      "demo",
    );
    const web = await signReceipt(receipt, key, webPrimitives);
    expect(await signReceipt(receipt, key, nodePrimitives)).toEqual(web);
    await close();
  });
});
