import { type ReceiptJwks, uuidv7, verifyReceipt } from "@assent/core";
import { isUniqueViolation } from "@assent/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SigningKey } from "../signing";
import { sampleReceiptRow } from "../test-support/sample-receipt";
import type { AppendLog, LogEntry } from "./append-log";
import { type ReceiptRow, toStoredReceipt } from "./receipt-store";

/** A log under test, on a database seeded with the demo site (id 1), and a way to read it. */
export interface AppendLogTarget {
  log: AppendLog;
  /** The first column of the first row of a query, as a number. */
  scalar(sql: string): Promise<number>;
  close(): Promise<void>;
}

const categories = { necessary: true, analytics: false };
const DAY = Date.UTC(2026, 0, 2, 12);

/** A key pair for the entries of a suite, and the JWKS that checks what it signs. */
async function testKey(): Promise<{ key: SigningKey; jwks: ReceiptJwks }> {
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const { x } = await crypto.subtle.exportKey("jwk", pair.publicKey);
  const kid = "demo-test";
  return {
    key: { kid, privateKey: pair.privateKey },
    jwks: { keys: [{ kty: "OKP", crv: "Ed25519", x: x as string, kid, alg: "EdDSA", use: "sig" }] },
  };
}

/**
 * The contract every `AppendLog` keeps, whichever runtime implements it: what an append stores,
 * that it is all or none, and the errors the receipt writer relies on.
 */
export function appendLogContract(name: string, open: () => Promise<AppendLogTarget>): void {
  describe(`append log contract: ${name}`, () => {
    let target: AppendLogTarget;
    let signer: Awaited<ReturnType<typeof testKey>>;
    beforeAll(async () => {
      signer = await testKey();
      target = await open();
    }, 60_000);
    afterAll(async () => target?.close());
    /** How many of these receipts are stored, and the rollups' total. */
    const stored = async (entries: LogEntry[]) => ({
      receipts: await target.scalar(
        `SELECT count(*) FROM receipts WHERE id IN (${entries.map((e) => `'${e.row.id}'`).join(",")})`,
      ),
      rolledUp: await target.scalar("SELECT coalesce(sum(count), 0) FROM daily_method_stats"),
    });
    /** A receipt of site 1 (or `siteId`) served on day 20,455, to sign with the suite's key. */
    const sampleEntry = (id = uuidv7(), siteId = 1): LogEntry => ({
      row: sampleReceiptRow({ id, siteId, categories, serverTime: DAY }),
      categories,
      key: signer.key,
      siteKey: "demo",
    });

    it("signs and stores each entry with its category rows and rollups, reporting each proof in order", async () => {
      const entries = [sampleEntry(), sampleEntry(), sampleEntry()];
      const before = await stored(entries);
      const proofs = await target.log.append(entries);
      expect(proofs).toHaveLength(3);
      for (const [i, { row }] of entries.entries()) {
        const proof = proofs[i];
        const signed: ReceiptRow = {
          ...row,
          digest: proof?.digest ?? null,
          signature: proof?.signature ?? null,
          keyId: proof?.kid ?? null,
        };
        expect(await verifyReceipt(toStoredReceipt(signed, "demo"), signer.jwks)).toEqual({
          valid: true,
          kid: "demo-test",
        });
        const asSigned = `SELECT count(*) FROM receipts WHERE id = '${row.id}' AND signature = '${proof?.signature}' AND digest = '${proof?.digest}' AND key_id = 'demo-test'`;
        expect(await target.scalar(asSigned)).toBe(1);
      }
      const ids = entries.map((e) => `'${e.row.id}'`).join(",");
      expect(
        await target.scalar(`SELECT count(*) FROM receipt_categories WHERE receipt_id IN (${ids})`),
      ).toBe(6);
      expect(await stored(entries)).toEqual({ receipts: 3, rolledUp: before.rolledUp + 3 });
    });

    it("adds each append's rollups to the stored counts", async () => {
      const sum = "SELECT sum(denied) FROM daily_category_stats WHERE day = 20455";
      const before = await target.scalar(sum);
      await target.log.append([sampleEntry()]);
      await target.log.append([sampleEntry(), sampleEntry()]);
      expect(await target.scalar("SELECT count(*) FROM daily_method_stats")).toBe(1);
      expect(await target.scalar(sum)).toBe(before + 3);
    });

    it("stores nothing of an append when one of its entries is refused", async () => {
      const entries = [sampleEntry(), sampleEntry(uuidv7(), 999), sampleEntry()];
      const before = await stored(entries);
      await expect(target.log.append(entries)).rejects.toThrow(/FOREIGN KEY/);
      expect(await stored(entries)).toEqual({ receipts: 0, rolledUp: before.rolledUp });
      const ids = entries.map((e) => `'${e.row.id}'`).join(",");
      expect(
        await target.scalar(`SELECT count(*) FROM receipt_categories WHERE receipt_id IN (${ids})`),
      ).toBe(0);
    });

    it("refuses an id already stored with a uniqueness violation, storing nothing", async () => {
      const first = sampleEntry();
      await target.log.append([first]);
      const entries = [sampleEntry(), sampleEntry(first.row.id)];
      const before = await stored(entries);
      const err = await target.log.append(entries).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isUniqueViolation(err)).toBe(true);
      expect(await stored(entries)).toEqual({ receipts: 1, rolledUp: before.rolledUp });
      expect(before.receipts).toBe(1);
    });

    it("commits as many appends at once as it allows, each once", async () => {
      const appends = Array.from({ length: 2 * (target.log.concurrency ?? 1) + 1 }, () =>
        Array.from({ length: 50 }, () => sampleEntry()),
      );
      const before = await stored(appends.flat());
      await Promise.all(appends.map((entries) => target.log.append(entries)));
      const total = appends.length * 50;
      expect(await stored(appends.flat())).toEqual({
        receipts: total,
        rolledUp: before.rolledUp + total,
      });
    });
  });
}
