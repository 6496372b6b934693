import { describe, expect, it } from "vitest";
import type { StoredReceipt } from "./receipt";
import { receiptDigest, receiptSigningPayload, verifyReceipt } from "./receipt-proof";
import { signedReceipt } from "./test-support";

/** A receipt signed as the API signs them (a custom choice), with its JWKS. */
const signed = (extra: Partial<StoredReceipt> = {}) =>
  signedReceipt({ method: "custom", ...extra });

describe("verifyReceipt", () => {
  it("accepts a receipt signed by a key of the JWKS, after a JSON round trip", async () => {
    const { receipt, jwks } = await signed();
    const copy = JSON.parse(JSON.stringify(receipt)) as StoredReceipt;
    expect(await verifyReceipt(copy, jwks)).toEqual({ valid: true, kid: "demo-k1" });
  });

  it("rejects any change to a signed field", async () => {
    const { receipt, jwks } = await signed();
    const tampered = {
      ...receipt,
      decision: { ...receipt.decision, categories: { necessary: true, analytics: true } },
    };
    expect(await verifyReceipt(tampered, jwks)).toEqual({
      valid: false,
      reason: "DIGEST_MISMATCH",
    });
    const later = { ...receipt, serverTime: "2026-11-26T10:00:00.000Z" };
    expect((await verifyReceipt(later, jwks)).valid).toBe(false);
  });

  it("rejects a forged digest, an unknown key and an unsigned receipt", async () => {
    const { receipt, jwks } = await signed();
    const other = await signed();
    const forged = { ...other.receipt, proof: { ...other.receipt.proof!, kid: "demo-k1" } };
    expect(await verifyReceipt(forged, jwks)).toEqual({ valid: false, reason: "BAD_SIGNATURE" });
    expect(await verifyReceipt(receipt, { keys: [] })).toEqual({
      valid: false,
      reason: "UNKNOWN_KEY",
    });
    const { proof: _, ...unsigned } = receipt;
    expect(await verifyReceipt(unsigned, jwks)).toEqual({ valid: false, reason: "UNSIGNED" });
  });

  it("signs a fixed set of fields in canonical order, ignoring extra ones", () => {
    const payload = receiptSigningPayload({
      ...({ extra: "not signed" } as object),
      id: "x",
    } as unknown as StoredReceipt);
    expect(payload).not.toContain("extra");
    expect(payload.startsWith('{"configHash":null,"decision":null,"gpc":null')).toBe(true);
  });

  it("keeps the digest of a receipt stored before subdivision, rule and config version", async () => {
    // The digest the code before those fields computed for this receipt.
    const old = {
      id: "01934f5e-8c2a-7b3d-9f00-1a2b3c4d5e6f",
      siteKey: "demo",
      subjectId: "AAAAAAAAAAAAAAAAAAAAAA",
      policyVersion: "2",
      configHash: "a".repeat(64),
      language: "en",
      method: "custom",
      decision: { categories: { necessary: true, analytics: false }, services: {} },
      gpc: false,
      previousId: null,
      serverTime: "2026-11-25T10:00:00.000Z",
      ip: "203.0.113.0",
      userAgent: "Test/1",
      gpcHeader: false,
      jurisdiction: "GB",
      pagePath: "/join",
    } satisfies StoredReceipt;
    expect(await receiptDigest(old)).toBe(
      "b0b8b147806e53369b83b0fa39d9b429dd142713c88f71ecd0856a11aecac7eb",
    );
  });

  it("signs the standard wording shown: changing it, dropping it or adding one breaks the proof", async () => {
    const { receipt, jwks } = await signed({ wording: "1mpp9dnI" });
    expect(receiptSigningPayload(receipt)).toContain('"wording":"1mpp9dnI"');
    expect(await verifyReceipt(receipt, jwks)).toEqual({ valid: true, kid: "demo-k1" });
    const { wording: _, ...dropped } = receipt;
    for (const changed of [{ ...receipt, wording: "0therHsh" }, dropped]) {
      expect(await verifyReceipt(changed, jwks)).toEqual({
        valid: false,
        reason: "DIGEST_MISMATCH",
      });
    }
    // A receipt signed before the field existed still verifies, and gains none after the fact.
    const old = await signed();
    expect(receiptSigningPayload(old.receipt)).not.toContain("wording");
    expect(await verifyReceipt(old.receipt, old.jwks)).toEqual({ valid: true, kid: "demo-k1" });
    expect((await verifyReceipt({ ...old.receipt, wording: "1mpp9dnI" }, old.jwks)).valid).toBe(
      false,
    );
  });

  it("signs the rule that applied: changing it, or the subdivision, breaks the proof", async () => {
    const { receipt, jwks } = await signed({
      subdivision: "US-CA",
      ruleId: "us-states",
      configVersion: 3,
    });
    expect(await verifyReceipt(receipt, jwks)).toEqual({ valid: true, kid: "demo-k1" });
    for (const change of [{ ruleId: "eu-eea" }, { subdivision: "US-TX" }, { configVersion: 2 }]) {
      expect(await verifyReceipt({ ...receipt, ...change }, jwks)).toEqual({
        valid: false,
        reason: "DIGEST_MISMATCH",
      });
    }
    const { ruleId: _, ...dropped } = receipt;
    expect((await verifyReceipt(dropped, jwks)).valid).toBe(false);
  });
});
