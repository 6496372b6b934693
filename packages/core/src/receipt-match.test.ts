import { describe, expect, it } from "vitest";
import { acceptAll, decide, rejectAll } from "./decision";
import { newSubjectId, uuidv7 } from "./ids";
import { presetJurisdictions } from "./jurisdictions/presets";
import type { ReceiptInput } from "./receipt";
import { receiptMismatch } from "./receipt-match";
import { defaultSiteConfig } from "./site-config";

const config = defaultSiteConfig("demo", [
  { id: "google-analytics", category: "analytics" },
  { id: "youtube", category: "embeds" },
]);
const receipt = (overrides: Partial<ReceiptInput> = {}): ReceiptInput => ({
  id: uuidv7(),
  siteKey: "demo",
  subjectId: newSubjectId(),
  policyVersion: config.policyVersion,
  configHash: "a".repeat(64),
  language: "en",
  method: "accept-all",
  decision: acceptAll(config),
  gpc: false,
  ...overrides,
});

describe("receiptMismatch", () => {
  it("accepts what the banner of that configuration can make", () => {
    expect(receiptMismatch(receipt(), config)).toBeNull();
    expect(
      receiptMismatch(receipt({ method: "reject-all", decision: rejectAll(config) }), config),
    ).toBeNull();
    const custom = decide(config, { categories: { analytics: true }, services: { youtube: true } });
    expect(receiptMismatch(receipt({ method: "custom", decision: custom }), config)).toBeNull();
  });

  it("refuses another policy version, unknown or missing ids, and required ones denied", () => {
    const all = acceptAll(config);
    const cases: Array<[Partial<ReceiptInput>, RegExp]> = [
      [{ policyVersion: "999" }, /policyVersion/],
      [
        { decision: { ...all, categories: { ...all.categories, "fake-cat": true } } },
        /unknown categories: fake-cat/,
      ],
      [
        { decision: { ...all, services: { ...all.services, hotjar: true } } },
        /unknown services: hotjar/,
      ],
      [
        { decision: { categories: { analytics: true }, services: all.services } },
        /missing categories: necessary/,
      ],
      [
        { decision: { ...all, categories: { ...all.categories, necessary: false } } },
        /necessary is required/,
      ],
      [{ method: "reject-all", decision: all }, /reject-all receipt grants/],
      [
        {
          method: "withdraw",
          decision: {
            ...rejectAll(config),
            services: { ...rejectAll(config).services, youtube: true },
          },
        },
        /grants youtube/,
      ],
    ];
    for (const [overrides, message] of cases) {
      expect(receiptMismatch(receipt(overrides), config)).toMatch(message);
    }
  });
});

describe("objection and opt-out receipts", () => {
  const ruled = {
    ...defaultSiteConfig("demo", [
      { id: "visit-counter", category: "statistics", purposes: ["analytics"] },
      { id: "meta-pixel", category: "marketing" },
    ]),
  };
  ruled.categories = [...ruled.categories, { id: "statistics", exemption: "statistics" }];
  const of = (method: ReceiptInput["method"], decision: ReceiptInput["decision"]) =>
    receiptMismatch(receipt({ method, decision, policyVersion: ruled.policyVersion }), ruled);

  it("accepts an objection that denies every exempt category, and refuses one that keeps one", () => {
    const objected = decide(ruled, { categories: { analytics: true } });
    expect(of("object", objected)).toBeNull();
    const kept = decide(ruled, { categories: { statistics: true } });
    expect(of("object", kept)).toMatch(/object receipt grants statistics/);
    expect(receiptMismatch(receipt({ method: "object" }), config)).toMatch(/UK exemption/);
  });

  it("accepts an opt-out that denies advertising, and refuses one that keeps it", () => {
    const optedOut = decide(ruled, { categories: { analytics: true, statistics: true } });
    expect(of("opt-out", optedOut)).toBeNull();
    const kept = decide(ruled, { categories: { marketing: true } });
    expect(of("opt-out", kept)).toMatch(/opt-out receipt grants marketing, meta-pixel/);
  });

  it("lets a refusal keep what a UK rule runs without consent, and nothing more", () => {
    const exempt = decide(ruled, { categories: { statistics: true } });
    // Without a UK rule, a refusal grants nothing.
    expect(of("reject-all", exempt)).toMatch(/reject-all receipt grants statistics, visit-counter/);
    const uk = { ...ruled, jurisdictions: presetJurisdictions() };
    const under = (method: ReceiptInput["method"], decision: ReceiptInput["decision"]) =>
      receiptMismatch(receipt({ method, decision, policyVersion: uk.policyVersion }), uk);
    expect(under("reject-all", exempt)).toBeNull();
    expect(under("withdraw", exempt)).toBeNull();
    const more = decide(uk, { categories: { statistics: true, marketing: true } });
    expect(under("reject-all", more)).toMatch(/grants marketing, meta-pixel/);
  });
});
