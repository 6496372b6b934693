import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ConsentRecord, decodeConsentCookie, encodeConsentCookie } from "./consent-cookie";
import { allowsElement, CONSENT_METHODS, isAllowed } from "./decision";
import { newSubjectId, uuidv7 } from "./ids";
import { ID_PATTERN, POLICY_VERSION_PATTERN } from "./patterns";

/** Ids as the schema allows them, including ones close to Object.prototype members. */
const id = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,39}$/).filter((s) => ID_PATTERN.test(s)),
  fc.constantFrom("tostring", "valueof", "hasownproperty", "proto", "constructors"),
  fc.constantFrom("necessary", "analytics", "marketing", "google-analytics", "youtube"),
);
const decisionMap = fc.dictionary(id, fc.boolean(), { maxKeys: 12 });

const record: fc.Arbitrary<ConsentRecord> = fc.record({
  policyVersion: fc.stringMatching(POLICY_VERSION_PATTERN),
  decidedAt: fc.integer({ min: 0, max: 32_503_680_000 }).map((s) => s * 1000),
  subjectId: fc.constant(null).map(() => newSubjectId()),
  receiptId: fc.constant(null).map(() => uuidv7()),
  method: fc.constantFrom(...CONSENT_METHODS),
  decision: fc.record({ categories: decisionMap, services: decisionMap }),
  gpc: fc.boolean(),
  exemptions: fc.boolean(),
  follows: fc.constant([]),
});

describe("consent cookie codec (properties)", () => {
  it("round-trips every valid record exactly", () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(decodeConsentCookie(encodeConsentCookie(r))).toEqual(r);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on arbitrary text, and only returns a record it would encode back", () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "grapheme", maxLength: 100 }),
      fc.string({ unit: "binary", maxLength: 100 }),
      fc.constant(null).map(() => "1~".repeat(2100)),
    );
    fc.assert(
      fc.property(text, (value) => {
        const decoded = decodeConsentCookie(value);
        if (decoded) expect(decodeConsentCookie(encodeConsentCookie(decoded))).toEqual(decoded);
      }),
      { numRuns: 500 },
    );
    // A fixed amount of work (most of it generating grapheme strings), about 2 s on a quiet
    // machine: the time limit is for a hang, not for a busy machine.
  }, 30_000);

  it("never throws on a valid cookie with bytes changed, cut or repeated", () => {
    const mutated = fc
      .tuple(record, fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 8 }))
      .map(([r, at, cut, insert]) => {
        const value = encodeConsentCookie(r);
        const i = at % (value.length + 1);
        return value.slice(0, i) + insert + value.slice(Math.min(value.length, i + cut));
      });
    fc.assert(
      fc.property(mutated, (value) => {
        const decoded = decodeConsentCookie(value);
        if (decoded) expect(encodeConsentCookie(decoded)).toBeTypeOf("string");
      }),
      { numRuns: 1000 },
    );
  });

  it("treats anything but a string as no decision", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        if (typeof value === "string") return;
        expect(decodeConsentCookie(value as never)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it("allows exactly what a decision grants, whatever the ids are called", () => {
    fc.assert(
      fc.property(decisionMap, decisionMap, id, (categories, services, name) => {
        const decision = { categories, services };
        const granted = Object.hasOwn(services, name)
          ? services[name] === true
          : categories[name] === true;
        expect(isAllowed(decision, name)).toBe(name === "necessary" || granted);
        expect(allowsElement(decision, null, name)).toBe(
          Object.hasOwn(services, name) ? granted : name === "necessary" || granted,
        );
      }),
      { numRuns: 500 },
    );
  });
});
