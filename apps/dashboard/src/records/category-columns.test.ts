import { describe, expect, it } from "vitest";
import { fakeReceipt } from "../testing/fake-api";
import { categoryColumns, categoryLabel } from "./category-columns";

describe("categoryColumns", () => {
  it("lists every category once: defaults in their order, then the site's own", () => {
    const receipts = [
      fakeReceipt({
        decision: { categories: { marketing: false, necessary: true }, services: {} },
      }),
      fakeReceipt({
        decision: {
          categories: { "site-news": true, analytics: true, ballots: false },
          services: {},
        },
      }),
    ];

    expect(categoryColumns(receipts)).toEqual([
      "necessary",
      "analytics",
      "marketing",
      "ballots",
      "site-news",
    ]);
  });

  it("has no columns without receipts", () => {
    expect(categoryColumns([])).toEqual([]);
  });
});

describe("categoryLabel", () => {
  it("reads like a heading", () => {
    expect(categoryLabel("analytics")).toBe("Analytics");
    expect(categoryLabel("site-news")).toBe("Site news");
  });
});
