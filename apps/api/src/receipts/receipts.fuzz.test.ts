import { parseReceiptInput, type ReceiptInput, ReceiptInputSchema } from "@assent/core";
import { receipts } from "@assent/db";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";
import { toStoredReceipt } from "./receipt-store";
import { MAX_RECEIPT_BYTES } from "./receipts.routes";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** The receipt's own fields, straight from the schema the API validates with. */
const INPUT_KEYS = Object.keys(ReceiptInputSchema.entries) as Array<keyof ReceiptInput>;

/** Adversarial values: odd unicode, huge, prototype keys, wrong types. */
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom("__proto__", "constructor", "\u0000", "\uD800", "\u202E", "😀", "/a?b", "-1"),
  fc.constant("x".repeat(600)),
  fc.constant({ constructor: true, toString: false }),
);

/** A JSON body as text: valid receipts bent in one place, raw JSON, garbage, deep nesting. */
const body = fc.oneof(
  fc.constant(null).map(() => JSON.stringify(t.receipt())),
  fc
    .tuple(fc.constantFrom(...INPUT_KEYS, "extra"), value)
    .map(([key, v]) => JSON.stringify({ ...t.receipt(), [key]: v })),
  fc
    .tuple(fc.constantFrom("categories", "services"), fc.string({ maxLength: 45 }), fc.boolean())
    .map(([map, id, granted]) => {
      const r = t.receipt();
      return JSON.stringify({ ...r, decision: { ...r.decision, [map]: { [id]: granted } } });
    }),
  fc
    .constantFrom("__proto__", "constructor", "prototype")
    .map((key) => JSON.stringify(t.receipt()).replace("{", `{"${key}":{"polluted":true},`)),
  fc
    .constantFrom("__proto__", "constructor")
    .map((key) =>
      JSON.stringify(t.receipt()).replace('"categories":{', `"categories":{"${key}":true,`),
    ),
  fc.json({ maxDepth: 4 }),
  fc.string({ maxLength: 200 }),
  fc.integer({ min: 1, max: 3900 }).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`),
  fc.integer({ min: 1, max: 2000 }).map((n) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`),
  fc
    .constant(null)
    .map(() => JSON.stringify({ ...t.receipt(), pad: "x".repeat(MAX_RECEIPT_BYTES) })),
);
const contentType = fc.oneof(
  fc.constant("application/json"),
  fc.constantFrom("text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "", "image/png"),
);

describe("POST /v1/receipts (fuzz)", () => {
  it("answers 201/200 or a 4xx with the error shape, and stores only valid receipts", async () => {
    let created = 0;
    await fc.assert(
      fc.asyncProperty(body, contentType, async (text, type) => {
        const res = await t.app.request("/v1/receipts", {
          method: "POST",
          headers: type ? { "Content-Type": type } : {},
          body: text,
        });
        if (res.status === 201) created++;
        if (res.status === 200 || res.status === 201) return;
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const error = await res.json();
        expect(Object.keys(error)).toEqual(["error"]);
        expect(Object.keys(error.error).sort()).toEqual(["code", "message"]);
        expect(error.error.code).toMatch(/^[A-Z][A-Z_]+$/);
        expect(error.error.message).toBeTypeOf("string");
      }),
      { numRuns: 400 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(created).toBeGreaterThan(10);

    const rows = await t.db.select().from(receipts);
    expect(rows).toHaveLength(created);
    for (const row of rows) {
      const stored = toStoredReceipt(row, "demo") as unknown as Record<string, unknown>;
      const input = Object.fromEntries(
        INPUT_KEYS.filter((k) => stored[k] !== undefined).map((k) => [k, stored[k]]),
      );
      expect(parseReceiptInput(input)).toMatchObject({ ok: true });
    }
    const categoryRows = await t.client.execute("SELECT count(*) FROM receipt_categories");
    const expected = rows.reduce(
      (n, r) => n + Object.keys(JSON.parse(r.decision).categories).length,
      0,
    );
    expect(Number(categoryRows.rows[0]?.[0])).toBe(expected);
  }, 60_000);
});
