import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { newSubjectId, uuidv7 } from "./ids";
import { parseReceiptInput, ReceiptInputSchema } from "./receipt";
import { defaultSiteConfig, SiteConfigSchema } from "./site-config";

/** Values an attacker would try: huge, odd unicode, prototype keys, deep nesting. */
const nasty = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constant(null).map(() => "x".repeat(20_000)),
  fc.constantFrom("__proto__", "constructor", "prototype", "\u0000", "\uD800", "\u202E", "😀"),
  fc.constant(null).map(() => JSON.parse('{"__proto__":{"polluted":true}}')),
  fc.constant(null).map(() => JSON.parse(`${"[".repeat(2000)}${"]".repeat(2000)}`)),
);

const validReceipt = () => ({
  id: uuidv7(),
  siteKey: "demo",
  subjectId: newSubjectId(),
  policyVersion: "1",
  configHash: "a".repeat(64),
  language: "en-GB",
  method: "custom",
  decision: { categories: { necessary: true, analytics: false }, services: { youtube: true } },
  gpc: false,
  pagePath: "/join/",
  previousId: null,
});

/** Sets `value` at a path of keys inside a copy of `base` (creating objects as needed). */
function setAt(base: Record<string, unknown>, path: string[], value: unknown) {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node = Object.hasOwn(node, key) && next && typeof next === "object" ? (next as never) : {};
  }
  const last = path[path.length - 1];
  if (last !== undefined) Object.defineProperty(node, last, { value, enumerable: true });
  return copy;
}

const receiptKeys = fc.constantFrom(...Object.keys(validReceipt()), "__proto__", "constructor");
const path = fc.array(fc.oneof(receiptKeys, fc.constantFrom("categories", "services", "x")), {
  minLength: 1,
  maxLength: 3,
});

describe("receipt schema (properties)", () => {
  it("never throws, and what it accepts is a receipt that parses again unchanged", () => {
    fc.assert(
      fc.property(fc.oneof(nasty, fc.tuple(path, nasty)), (input) => {
        const body =
          Array.isArray(input) && input.length === 2 && Array.isArray(input[0])
            ? setAt(validReceipt(), input[0] as string[], input[1])
            : input;
        const parsed = parseReceiptInput(body);
        if (!parsed.ok) {
          expect(parsed.message).toBeTypeOf("string");
          expect(parsed.message.length).toBeGreaterThan(0);
          return;
        }
        expect(v.is(ReceiptInputSchema, parsed.value)).toBe(true);
        expect(parseReceiptInput(JSON.parse(JSON.stringify(parsed.value)))).toEqual(parsed);
      }),
      { numRuns: 600 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses unknown keys, prototype keys included", () => {
    for (const key of ["__proto__", "constructor", "prototype", "extra"]) {
      const body = JSON.parse(JSON.stringify(validReceipt()).replace("{", `{"${key}":{},`));
      expect(parseReceiptInput(body).ok).toBe(false);
    }
    expect(parseReceiptInput(validReceipt()).ok).toBe(true);
  });
});

describe("site config schema (properties)", () => {
  const base = defaultSiteConfig("demo", [{ id: "youtube", category: "embeds" }]);
  const configKeys = fc.constantFrom(...Object.keys(base), "__proto__", "texts", "en", "title");

  it("never throws, and what it accepts is a config that parses again unchanged", () => {
    fc.assert(
      fc.property(
        fc.oneof(nasty, fc.tuple(fc.array(configKeys, { minLength: 1, maxLength: 3 }), nasty)),
        (input) => {
          const body =
            Array.isArray(input) && input.length === 2 && Array.isArray(input[0])
              ? setAt(base as never, input[0] as string[], input[1])
              : input;
          const result = v.safeParse(SiteConfigSchema, body);
          if (!result.success) {
            expect(result.issues.length).toBeGreaterThan(0);
            return;
          }
          const again = v.safeParse(SiteConfigSchema, JSON.parse(JSON.stringify(result.output)));
          expect(again.success && again.output).toEqual(result.output);
          for (const lang of Object.keys(result.output.texts)) {
            expect(["__proto__", "constructor", "prototype"]).not.toContain(lang);
          }
        },
      ),
      { numRuns: 600 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
