import { describe, expect, it } from "vitest";
import { DEFAULT_CATEGORIES } from "./categories";
import { acceptAll, allowsElement, decide, grantsAnything, isAllowed, rejectAll } from "./decision";

const scope = {
  categories: [...DEFAULT_CATEGORIES],
  services: [
    { id: "google-analytics", category: "analytics" },
    { id: "youtube", category: "embeds" },
    { id: "meta-pixel", category: "marketing" },
  ],
};

describe("decide", () => {
  it("accept-all grants every category and service, explicitly", () => {
    const d = acceptAll(scope);
    expect(Object.values(d.categories).every(Boolean)).toBe(true);
    expect(d.services).toEqual({ "google-analytics": true, youtube: true, "meta-pixel": true });
  });

  it("reject-all keeps necessary on and stores every denial", () => {
    const d = rejectAll(scope);
    expect(d.categories).toEqual({
      necessary: true,
      preferences: false,
      analytics: false,
      marketing: false,
      embeds: false,
    });
    expect(d.services).toEqual({ "google-analytics": false, youtube: false, "meta-pixel": false });
    expect(grantsAnything(d, scope)).toBe(false);
  });

  it("cannot switch necessary off", () => {
    expect(decide(scope, { categories: { necessary: false } }).categories.necessary).toBe(true);
  });

  it("lets a service differ from its category and ignores unknown ids", () => {
    const d = decide(scope, {
      categories: { embeds: false, bogus: true },
      services: { youtube: true },
    });
    expect(d.services.youtube).toBe(true);
    expect(d.categories.embeds).toBe(false);
    expect("bogus" in d.categories).toBe(false);
  });
});

describe("isAllowed / allowsElement", () => {
  const d = decide(scope, { categories: { analytics: true }, services: { youtube: true } });

  it("answers for categories and services", () => {
    expect(isAllowed(d, "analytics")).toBe(true);
    expect(isAllowed(d, "marketing")).toBe(false);
    expect(isAllowed(d, "youtube")).toBe(true);
    expect(isAllowed(d, "meta-pixel")).toBe(false);
    expect(isAllowed(null, "analytics")).toBe(false);
    expect(isAllowed(null, "necessary")).toBe(true);
  });

  it("prefers the service's own decision over its category's", () => {
    expect(allowsElement(d, "embeds", "youtube")).toBe(true);
    expect(allowsElement(d, "analytics", "google-analytics")).toBe(true);
    expect(allowsElement(d, "marketing", null)).toBe(false);
    expect(allowsElement(d, "analytics", "unknown-service")).toBe(true);
    expect(allowsElement(d, null, null)).toBe(false);
  });
});
