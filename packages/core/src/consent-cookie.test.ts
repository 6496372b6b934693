import { describe, expect, it } from "vitest";
import { DEFAULT_CATEGORIES } from "./categories";
import {
  type ConsentRecord,
  decodeConsentCookie,
  encodeConsentCookie,
  expiresAt,
  isCurrent,
  readCookie,
  reconcile,
} from "./consent-cookie";
import { acceptAll, decide, rejectAll } from "./decision";
import { newSubjectId, uuidv7 } from "./ids";

const scope = {
  policyVersion: "3",
  expiry: { acceptedDays: 365, rejectedDays: 182 },
  categories: [...DEFAULT_CATEGORIES],
  services: [
    { id: "google-analytics", category: "analytics" },
    { id: "youtube", category: "embeds" },
  ],
};

function record(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    policyVersion: "3",
    decidedAt: 1_750_000_000_000,
    subjectId: newSubjectId(),
    receiptId: uuidv7(),
    method: "custom",
    decision: decide(scope, { categories: { analytics: true }, services: { youtube: true } }),
    gpc: false,
    exemptions: false,
    follows: [],
    ...overrides,
  };
}

describe("consent cookie codec", () => {
  it("round-trips every method and decision", () => {
    for (const method of [
      "accept-all",
      "reject-all",
      "custom",
      "withdraw",
      "gpc",
      "api",
      "object",
      "opt-out",
    ] as const) {
      for (const [gpc, exemptions] of [
        [false, false],
        [true, false],
        [false, true],
        [true, true],
      ] as const) {
        const r = record({ method, gpc, exemptions });
        const encoded = encodeConsentCookie(r);
        expect(encoded).toMatch(/^[A-Za-z0-9~._-]+$/);
        expect(decodeConsentCookie(encoded)).toEqual(r);
      }
    }
  });

  it("marks the services that follow their category, in a form a reader from before reads the same", () => {
    const r = record(); // analytics on, embeds off, YouTube allowed on its own
    const encoded = encodeConsentCookie(r, scope);
    const decoded = decodeConsentCookie(encoded);
    expect(decoded?.decision).toEqual(r.decision);
    expect(decoded?.follows).toEqual(["google-analytics"]);
    // A reader from before skips the empty id that ends the followers.
    expect(encoded).toMatch(/~google-analytics\.\.youtube_$/);
    expect(decodeConsentCookie(encoded.replace("..", "."))?.follows).toEqual([]);
  });

  it("reads a cookie written before the GPC flag as made without the signal", () => {
    const r = record({ method: "accept-all", gpc: true });
    const encoded = encodeConsentCookie(r);
    expect(encoded.endsWith("~g")).toBe(true);
    expect(decodeConsentCookie(encoded.slice(0, -2))).toEqual({ ...r, gpc: false });
    // A record made without saying (older callers) is written as made without it.
    const { gpc: _, exemptions: __, ...unsaid } = r;
    expect(decodeConsentCookie(encodeConsentCookie(unsaid))).toMatchObject({
      gpc: false,
      exemptions: false,
    });
    // The flags come in one order only.
    const both = encodeConsentCookie({ ...r, exemptions: true });
    expect(both.endsWith("~g~u")).toBe(true);
    expect(decodeConsentCookie(both.replace("~g~u", "~u~g"))).toBeNull();
  });

  it("stays small", () => {
    expect(encodeConsentCookie(record({ decision: acceptAll(scope) })).length).toBeLessThan(200);
  });

  it("decodes garbage, truncation and tampering to no decision without throwing", () => {
    const good = encodeConsentCookie(record());
    const bad = [
      null,
      undefined,
      "",
      "garbage",
      "1~3",
      `2${good.slice(1)}`,
      good.replace("~c~", "~z~"),
      good.replace(/~[^~]+~/, "~<script>~"),
      good.replace(/_/, "__"),
      `${good}~extra`,
      "x".repeat(5000),
      "1~3~zzzzzzzzzzzz~a~b~c~d~e",
    ];
    for (let cut = 1; cut < good.length; cut += 3) bad.push(good.slice(0, cut));
    for (const value of bad) expect(decodeConsentCookie(value)).toBeNull();
  });

  it("rejects a value that names an id twice", () => {
    const r = record();
    const encoded = encodeConsentCookie(r).replace(/~([^~]*)_([^~]*)~/, "~$1.analytics_$2~");
    expect(decodeConsentCookie(encoded)).toBeNull();
  });
});

describe("readCookie", () => {
  it("finds the consent cookie among others", () => {
    expect(readCookie("a=1; assent=xyz; b=2")).toBe("xyz");
    expect(readCookie("a=1; b=2")).toBeNull();
    expect(readCookie("")).toBeNull();
    expect(readCookie("notassent=1; assent2=2")).toBeNull();
  });
});

describe("validity", () => {
  const day = 86_400_000;

  it("expires after 12 months when something was granted, 6 after a refusal", () => {
    const accepted = record({ decision: acceptAll(scope) });
    const refused = record({ decision: rejectAll(scope) });
    expect(expiresAt(accepted, scope) - accepted.decidedAt).toBe(365 * day);
    expect(expiresAt(refused, scope) - refused.decidedAt).toBe(182 * day);
    expect(isCurrent(refused, scope, refused.decidedAt + 181 * day)).toBe(true);
    expect(isCurrent(refused, scope, refused.decidedAt + 183 * day)).toBe(false);
  });

  it("asks again after a policy-version bump", () => {
    const r = record();
    expect(isCurrent(r, scope, r.decidedAt + day)).toBe(true);
    expect(isCurrent(r, { ...scope, policyVersion: "4" }, r.decidedAt + day)).toBe(false);
    expect(isCurrent(null, scope, 0)).toBe(false);
  });

  it("does not trust a decision from the future", () => {
    const r = record();
    expect(isCurrent(r, scope, r.decidedAt - 10 * day)).toBe(false);
  });
});

describe("reconcile", () => {
  it("denies what the stored decision never saw", () => {
    const stored = acceptAll(scope);
    const grown = {
      categories: [...scope.categories, { id: "social" }],
      services: [...scope.services, { id: "hotjar", category: "analytics" }],
    };
    const d = reconcile(stored, grown);
    expect(d.categories.analytics).toBe(true);
    expect(d.categories.social).toBe(false);
    expect(d.services["google-analytics"]).toBe(true);
    expect(d.services.hotjar).toBe(false);
  });

  it("has a service that followed its category follow it into another: one set against it keeps its own", () => {
    const stored = decide(scope, { categories: { analytics: true }, services: { youtube: true } });
    const moved = {
      categories: scope.categories,
      services: [
        { id: "google-analytics", category: "marketing" },
        { id: "youtube", category: "marketing" },
      ],
    };
    const d = reconcile(stored, moved, ["google-analytics"]);
    expect(d.services["google-analytics"]).toBe(false);
    expect(d.services.youtube).toBe(true);
    // A cookie from before names no followers: every service keeps its stored value.
    expect(reconcile(stored, moved).services["google-analytics"]).toBe(true);
  });

  it("runs a necessary service the stored decision never saw, as the preference centre shows it", () => {
    const grown = {
      categories: scope.categories,
      services: [...scope.services, { id: "checkout", category: "necessary" }],
    };
    expect(reconcile(rejectAll(scope), grown).services.checkout).toBe(true);
  });
});
