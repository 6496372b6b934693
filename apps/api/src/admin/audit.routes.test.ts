import type { AuditEntry } from "@assent/core";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>> | undefined;
afterEach(async () => t?.close());

describe("GET /v1/admin/sites/:site/audit", () => {
  it("pages through every entry, one written later with an earlier time included", async () => {
    let clock = Date.parse("2026-01-01T00:10:00Z");
    t = await createTestApp({ now: () => clock });
    const owner = await t.admin();
    for (const name of ["first", "second", "third", "fourth"]) {
      await owner.request("PATCH", "/v1/admin/sites/demo", { name });
      // Another instance's clock, or a request that began before the last one ended.
      clock += name === "second" ? -5 * 60_000 : 60_000;
    }
    const all: AuditEntry[] = (
      await (await owner.get("/v1/admin/sites/demo/audit?limit=200")).json()
    ).items;
    expect(all.length).toBeGreaterThanOrEqual(4);
    const paged: AuditEntry[] = [];
    let before: number | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const query: string = `limit=1${before ? `&before=${before}` : ""}`;
      const page = await (await owner.get(`/v1/admin/sites/demo/audit?${query}`)).json();
      paged.push(...page.items);
      before = page.nextBefore;
      if (!before) break;
    }
    // Every entry once, in the listing's order (newest first by time).
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const times = paged.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
