import type { StoredReceipt } from "@assent/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { receiptHistory, rememberReceipt } from "./receipt-history";

afterEach(() => vi.restoreAllMocks());

describe("receipt history", () => {
  it("never throws where IndexedDB is unavailable: it warns and keeps nothing", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await rememberReceipt({
      id: "0193aaaa-0000-7000-8000-000000000001",
      serverTime: "2025-01-02T10:00:00.000Z",
      method: "accept-all",
      policyVersion: "1",
      decision: { categories: { necessary: true, analytics: true }, services: {} },
    } as unknown as StoredReceipt);
    expect(await receiptHistory()).toEqual([]);
    expect(warn).toHaveBeenCalled();
  });
});
