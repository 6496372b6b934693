import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { isRealDate, ReceiptQuerySchema, StatsQuerySchema } from "./admin-query";

const receipts = (q: Record<string, string>) =>
  v.safeParse(ReceiptQuerySchema, { site: "demo", ...q });
const issue = (r: ReturnType<typeof receipts>) => (r.success ? null : r.issues[0].message);

describe("admin query dates", () => {
  it("reads days and instants that exist", () => {
    for (const text of [
      "2024-02-29",
      "2026-12-31",
      "2026-01-31T23:59:59Z",
      "2026-01-31T00:00Z",
      "2026-06-30T12:30:15.250+02:00",
    ])
      expect(isRealDate(text), text).toBe(true);
    const parsed = receipts({ from: "2024-02-29", to: "2026-01-31T12:00:00Z" });
    expect(parsed.success && [parsed.output.from, parsed.output.to]).toEqual([
      Date.UTC(2024, 1, 29),
      Date.UTC(2026, 0, 31, 12),
    ]);
  });

  it("refuses a day or a time that does not exist instead of rolling it over", () => {
    for (const text of [
      "2023-02-29",
      "2026-02-30T10:00Z",
      "2026-04-31",
      "2026-13-01",
      "2026-00-10",
      "2026-01-00",
      "2026-01-31T24:00Z",
      "2026-01-31T12:60Z",
      "2026-01-31T12:00:60Z",
      "2026-01-31T12:00+24:00",
    ]) {
      expect(isRealDate(text), text).toBe(false);
      expect(issue(receipts({ to: text })), text).toMatch(/real date|ISO 8601/);
    }
    const stats = v.safeParse(StatsQuerySchema, {
      site: "demo",
      from: "2026-02-31",
      to: "2026-02-30",
    });
    expect(stats.success ? null : stats.issues[0].message).toBe("must be a real date");
  });
});
