import { type ConfigState, type ConfigVersion, warningRules } from "@assent/core";
import { describe, expect, it } from "vitest";
import { type AdminContractContext, expectError } from "./admin-contract";
import { siteConfig } from "./http-client";

/**
 * The compliance linter at save and publish: findings with the draft, errors refuse publishing,
 * warnings need the owner's acknowledgement, recorded in the audit log and the version.
 */
export function complianceContract(ctx: AdminContractContext): void {
  describe("compliance linter", () => {
    it("refuses errors, publishes warnings only acknowledged, and records the acknowledgement", async () => {
      const before = await ctx.addSite("cfg-lint");
      const base = "/v1/admin/sites/cfg-lint/config";
      const { published } = await ctx.owner.json<ConfigState>("GET", base);
      const config = published?.config as ConfigVersion["config"];

      const deceptive = await ctx.owner.json<ConfigState>("PUT", `${base}/draft`, {
        ...config,
        texts: { en: { rejectAll: "I like cookies" } },
      });
      expect(deceptive.findings).toContainEqual(
        expect.objectContaining({
          severity: "error",
          rule: "reject-label-means-accept",
          field: "texts.en.rejectAll",
          guidance: expect.stringMatching(/^https:\/\//),
        }),
      );
      const acknowledge = warningRules(deceptive.findings);
      expect(acknowledge).toContain("privacy-policy-placeholder");
      await expectError(
        await ctx.owner.request("POST", `${base}/publish`, { acknowledge }),
        422,
        "COMPLIANCE_ERRORS",
      );
      expect((await siteConfig(ctx.target, "cfg-lint")).hash).toBe(before.hash);

      const warned = await ctx.owner.json<ConfigState>("PUT", `${base}/draft`, {
        ...config,
        texts: { en: { rejectAll: "Reject everything" } },
      });
      expect(warned.findings.every((f) => f.severity === "warning")).toBe(true);
      await expectError(
        await ctx.owner.request("POST", `${base}/publish`),
        422,
        "ACKNOWLEDGEMENT_REQUIRED",
      );
      const res = await ctx.owner.request("POST", `${base}/publish`, { acknowledge });
      expect(res.status).toBe(201);
      const version = (await res.json()) as ConfigVersion;
      expect(version.acknowledged).toEqual(acknowledge);
      expect((await siteConfig(ctx.target, "cfg-lint")).hash).toBe(version.hash);
      const audit = await ctx.owner.json<{ items: { action: string; detail: unknown }[] }>(
        "GET",
        "/v1/admin/sites/cfg-lint/audit",
      );
      expect(audit.items.find((e) => e.action === "config.publish")?.detail).toMatchObject({
        version: version.version,
        acknowledged: acknowledge,
      });
    });
  });
}
