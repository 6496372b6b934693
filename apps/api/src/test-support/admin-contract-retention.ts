import { describe, expect, it } from "vitest";
import { type AdminContractContext, expectError } from "./admin-contract";
import { postReceipts, receiptFor } from "./http-client";

/** A site's retention, set by its owner, applied by the runtime's scheduled purge. */
export function retentionContract(ctx: AdminContractContext): void {
  const ids = async (site: string) => {
    const page = await ctx.owner.json<{ items: { id: string }[] }>(
      "GET",
      `/v1/admin/receipts?site=${site}`,
    );
    return page.items.map((r) => r.id);
  };

  describe("retention", () => {
    it("sets a site's retention, and the purge deletes what is older, audited", async () => {
      const config = await ctx.addSite("ret");
      const other = await ctx.addSite("ret-keep");
      await expectError(
        await ctx.owner.request("PATCH", "/v1/admin/sites/ret", { retentionDays: 0 }),
        400,
        "INVALID_BODY",
      );
      const site = await ctx.owner.json<{ retentionDays: number }>("PATCH", "/v1/admin/sites/ret", {
        retentionDays: 1,
      });
      expect(site.retentionDays).toBe(1);
      await postReceipts(ctx.target, [receiptFor("ret", config), receiptFor("ret", config)]);
      const kept = receiptFor("ret-keep", other);
      await postReceipts(ctx.target, [kept]);

      await ctx.target.purge(Date.now() + 2 * 86_400_000);
      expect(await ids("ret")).toEqual([]);
      expect(await ids("ret-keep")).toEqual([kept.id]);
      const audit = await ctx.owner.json<{ items: { action: string; detail: unknown }[] }>(
        "GET",
        "/v1/admin/sites/ret/audit",
      );
      expect(audit.items.find((e) => e.action === "retention.purge")?.detail).toMatchObject({
        deleted: 2,
        retentionDays: 1,
      });
    });
  });
}
