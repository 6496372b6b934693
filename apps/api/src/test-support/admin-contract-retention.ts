import { describe, expect, it } from "vitest";
import { type AdminContractContext, expectError } from "./admin-contract";
import { postReceipts, receiptFor } from "./http-client";

const DAY = 86_400_000;

/** A site's retention, lowered by its owner, applied by the runtime's scheduled purge once the
 * grace period is over; never shorter than the site's configuration remembers a decision. */
export function retentionContract(ctx: AdminContractContext): void {
  const ids = async (site: string) => {
    const page = await ctx.owner.json<{ items: { id: string }[] }>(
      "GET",
      `/v1/admin/receipts?site=${site}`,
    );
    return page.items.map((r) => r.id);
  };

  describe("retention", () => {
    it("lowers a site's retention after the grace period, and the purge deletes what is older, audited", async () => {
      const config = await ctx.addSite("ret");
      const other = await ctx.addSite("ret-keep");
      await expectError(
        await ctx.owner.request("PATCH", "/v1/admin/sites/ret", { retentionDays: 0 }),
        400,
        "INVALID_BODY",
      );
      // The default configuration remembers an acceptance for 365 days: its receipts are kept as
      // long at least.
      await expectError(
        await ctx.owner.request("PATCH", "/v1/admin/sites/ret", {
          retentionDays: 30,
          minRetentionDays: 30,
        }),
        409,
        "RETENTION_BELOW_EXPIRY",
      );
      const lower = { retentionDays: 365, minRetentionDays: 365 };
      const scheduled = await ctx.owner.request("PATCH", "/v1/admin/sites/ret", lower);
      expect(scheduled.status).toBe(202);
      const site = (await scheduled.json()) as {
        retentionDays: number;
        scheduledRetention: { retentionDays: number; effectiveAt: string };
      };
      expect(site.retentionDays).toBe(2190);
      expect(site.scheduledRetention.retentionDays).toBe(365);
      const effective = Date.parse(site.scheduledRetention.effectiveAt);
      expect(effective).toBeGreaterThan(Date.now() + 6 * DAY);
      await postReceipts(ctx.target, [receiptFor("ret", config), receiptFor("ret", config)]);
      const kept = receiptFor("ret-keep", other);
      await postReceipts(ctx.target, [kept]);

      // Once the grace period is over the new retention applies: the receipts go when they are
      // older than it, not before.
      await ctx.target.purge(effective + DAY);
      expect(await ids("ret")).toHaveLength(2);
      await ctx.target.purge(Date.now() + 366 * DAY);
      expect(await ids("ret")).toEqual([]);
      expect(await ids("ret-keep")).toEqual([kept.id]);
      const audit = await ctx.owner.json<{ items: { action: string; detail: unknown }[] }>(
        "GET",
        "/v1/admin/sites/ret/audit",
      );
      expect(audit.items.find((e) => e.action === "retention.purge")?.detail).toMatchObject({
        deleted: 2,
        retentionDays: 365,
      });
    });
  });
}
