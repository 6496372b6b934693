import { describe, expect, it } from "vitest";
import { asksTheSame, bumpNeedsReason, POLICY_BUMP_MIN_DAYS, pacingDays } from "./policy-bump";
import { defaultSiteConfig } from "./site-config";

const DAY = 86_400_000;
const base = defaultSiteConfig("demo", [{ id: "youtube", category: "embeds" }]);

describe("policy bumps", () => {
  it("count a new policy version, the banner's look or expiry as asking nothing new", () => {
    expect(asksTheSame(base, { ...base, policyVersion: "2" })).toBe(true);
    expect(asksTheSame(base, { ...base, ui: { ...base.ui, theme: "dark" } })).toBe(true);
    expect(asksTheSame(base, { ...base, expiry: { acceptedDays: 395, rejectedDays: 395 } })).toBe(
      true,
    );
  });

  it("count texts, services, categories, rules and policy links as what visitors are asked", () => {
    const changes = [
      { texts: { en: { title: "Cookies" } } },
      { services: [] },
      { categories: base.categories.slice(0, 2) },
      { privacyPolicyUrl: "/privacy-2026" },
      { jurisdictions: { rules: [{ id: "all", regions: [], model: "opt-in" }], otherwise: "all" } },
    ];
    for (const change of changes) expect(asksTheSame(base, { ...base, ...change })).toBe(false);
  });

  it("need a reason within six months of the version they replace, for no change", () => {
    const next = { ...base, policyVersion: "2" };
    expect(bumpNeedsReason(base, next, 0, (POLICY_BUMP_MIN_DAYS - 1) * DAY)).toBe(true);
    expect(bumpNeedsReason(base, next, 0, POLICY_BUMP_MIN_DAYS * DAY)).toBe(false);
    expect(bumpNeedsReason(base, { ...next, services: [] }, 0, DAY)).toBe(false);
  });

  it("wait as long as the configuration in force remembers a refusal, if longer", () => {
    const next = { ...base, policyVersion: "2" };
    const remembers = { ...base, expiry: { acceptedDays: 395, rejectedDays: 395 } };
    expect(pacingDays(base)).toBe(POLICY_BUMP_MIN_DAYS);
    expect(pacingDays(remembers)).toBe(395);
    expect(bumpNeedsReason(base, next, 0, 394 * DAY, pacingDays(remembers))).toBe(true);
    expect(bumpNeedsReason(base, next, 0, 395 * DAY, pacingDays(remembers))).toBe(false);
  });
});
