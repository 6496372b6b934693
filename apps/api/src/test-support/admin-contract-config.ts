import { type ConfigState, presetJurisdictions, warningRules } from "@assent/core";
import { describe, expect, it } from "vitest";
import { type AdminContractContext, expectError } from "./admin-contract";
import { siteConfig } from "./http-client";
import { bootIn } from "./loader-boot";

interface ConfigVersion {
  version: number;
  hash: string;
  policyVersion: string;
  config: Record<string, unknown> & { services: { id: string }[] };
}

/** Sites, drafts and publishing: a published version is what the loader serves at once. */
export function configContract(ctx: AdminContractContext): void {
  describe("config publishing", () => {
    it("creates a site with the default configuration published as version 1", async () => {
      const published = await ctx.addSite("cfg-new");
      const state = await ctx.owner.json<{ published: ConfigVersion; draft: null }>(
        "GET",
        "/v1/admin/sites/cfg-new/config",
      );
      expect(state.draft).toBeNull();
      expect(state.published).toMatchObject({ version: 1, hash: published.hash });
      await expectError(
        await ctx.owner.request("POST", "/v1/admin/sites", { key: "cfg-new", name: "Again" }),
        409,
        "SITE_KEY_TAKEN",
      );
    });

    it("publishes a draft as a new version that /s/KEY.js and the config endpoint serve", async () => {
      const before = await ctx.addSite("cfg-pub");
      const { published } = await ctx.owner.json<{ published: ConfigVersion }>(
        "GET",
        "/v1/admin/sites/cfg-pub/config",
      );
      const draft = {
        ...published.config,
        policyVersion: "2",
        services: [...published.config.services, { id: "youtube", category: "embeds" }],
      };
      const saved = await ctx.owner.json<ConfigState>(
        "PUT",
        "/v1/admin/sites/cfg-pub/config/draft",
        draft,
      );
      expect(saved.draft?.config).toMatchObject({ policyVersion: "2" });
      // Visitors see nothing of a draft.
      expect((await siteConfig(ctx.target, "cfg-pub")).hash).toBe(before.hash);

      const res = await ctx.owner.request("POST", "/v1/admin/sites/cfg-pub/config/publish", {
        acknowledge: warningRules(saved.findings),
      });
      expect(res.status).toBe(201);
      const version = (await res.json()) as ConfigVersion;
      expect(version).toMatchObject({ version: 2, policyVersion: "2" });
      expect(version.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(version.hash).not.toBe(before.hash);

      const served = await siteConfig(ctx.target, "cfg-pub");
      expect(served.hash).toBe(version.hash);
      const loader = await ctx.target.fetch("/s/cfg-pub.js");
      expect(loader.status).toBe(200);
      const script = await loader.text();
      expect(script).toContain(version.hash);
      expect(script).toContain('"youtube"');
      const versions = await ctx.owner.json<{ versions: { version: number }[] }>(
        "GET",
        "/v1/admin/sites/cfg-pub/config/versions",
      );
      expect(versions.versions.map((v) => v.version)).toEqual([2, 1]);
    });

    it("serves a site with rules the visitor's own rule, worked out, where the runtime places visitors", async () => {
      await ctx.addSite("cfg-rules");
      const { published } = await ctx.owner.json<{ published: ConfigVersion }>(
        "GET",
        "/v1/admin/sites/cfg-rules/config",
      );
      const saved = await ctx.owner.json<ConfigState>(
        "PUT",
        "/v1/admin/sites/cfg-rules/config/draft",
        {
          ...published.config,
          jurisdictions: presetJurisdictions(),
        },
      );
      const res = await ctx.owner.request("POST", "/v1/admin/sites/cfg-rules/config/publish", {
        acknowledge: warningRules(saved.findings),
      });
      expect(res.status).toBe(201);
      const ruleFor = async (headers: Record<string, string>) => {
        const loader = await ctx.target.fetch("/s/cfg-rules.js", { headers });
        expect(loader.headers.get("Cache-Control")).toMatch(/^private/);
        return bootIn(await loader.text())?.rule;
      };
      const us = await ruleFor({ "CF-IPCountry": "US", "CF-Region-Code": "CA", "Sec-GPC": "1" });
      const gb = await ruleFor({ "CF-IPCountry": "GB" });
      if (ctx.target.placesVisitors) {
        expect(us).toMatchObject({ id: "us-states", jurisdiction: "US-CA", model: "opt-out" });
        expect(us?.beforeGpc?.categories.marketing).toBe(false);
        expect(gb).toMatchObject({ id: "uk", jurisdiction: "GB", model: "uk-exemptions" });
      } else {
        // A header a client may send places nobody: the strictest rule, for everyone.
        for (const rule of [us, gb])
          expect(rule).toMatchObject({ id: "elsewhere", jurisdiction: null, model: "opt-in" });
      }
    });

    it("publishes from several tabs at once one version after another, refusing a tab whose version was replaced meanwhile", async () => {
      await ctx.addSite("cfg-race");
      const { published } = await ctx.owner.json<{ published: ConfigVersion }>(
        "GET",
        "/v1/admin/sites/cfg-race/config",
      );
      const saved = await ctx.owner.json<ConfigState>(
        "PUT",
        "/v1/admin/sites/cfg-race/config/draft",
        {
          ...published.config,
          services: [...published.config.services, { id: "youtube", category: "embeds" }],
        },
      );
      // A tab that read a version another has replaced since publishes nothing: published
      // anyway, a bump would re-publish the version it read, undoing the other's change.
      const base = "/v1/admin/sites/cfg-race/config";
      const answers = await Promise.all([
        ctx.owner.request("POST", `${base}/publish`, {
          acknowledge: warningRules(saved.findings),
        }),
        // Bumps that change nothing visitors see say why they ask again.
        ctx.owner.request("POST", `${base}/bump`, { policyVersion: "7", reason: "Policy changed" }),
        ctx.owner.request("POST", `${base}/bump`, { policyVersion: "8", reason: "Policy changed" }),
      ]);
      const won: ConfigVersion[] = [];
      for (const res of answers) {
        if (res.status === 201) won.push((await res.json()) as ConfigVersion);
        else await expectError(res, 409, "CONFIG_CHANGED");
      }
      expect(won.length).toBeGreaterThan(0);
      expect(won.map((v) => v.version).sort()).toEqual(
        Array.from({ length: won.length }, (_, i) => i + 2),
      );
      const listed = await ctx.owner.json<{ versions: { version: number }[] }>(
        "GET",
        `${base}/versions`,
      );
      expect(listed.versions.map((v) => v.version)).toEqual(
        Array.from({ length: won.length + 1 }, (_, i) => won.length + 1 - i),
      );
      const audit = await ctx.owner.json<{ items: { action: string; detail: unknown }[] }>(
        "GET",
        "/v1/admin/sites/cfg-race/audit",
      );
      const entries = audit.items.filter((e) => /^config\.(publish|bump-policy)$/.test(e.action));
      expect(entries).toHaveLength(won.length);
      for (const { version, hash } of won) {
        expect(entries.map((e) => e.detail)).toContainEqual(
          expect.objectContaining({ version, hash }),
        );
      }
      // Each bump says truly which policy version it replaced: the one just before it.
      const policyOf = new Map(won.map((v) => [v.version, v.config.policyVersion]));
      policyOf.set(1, published.config.policyVersion);
      for (const e of audit.items.filter((e) => e.action === "config.bump-policy")) {
        const { from, version } = e.detail as { from: string; version: number };
        expect(from).toBe(policyOf.get(version - 1));
      }
    });

    it("refuses to publish without a draft, and a draft for another site's key", async () => {
      await ctx.addSite("cfg-none");
      await expectError(
        await ctx.owner.request("POST", "/v1/admin/sites/cfg-none/config/publish"),
        409,
        "NO_DRAFT",
      );
      const { published } = await ctx.owner.json<{ published: ConfigVersion }>(
        "GET",
        "/v1/admin/sites/cfg-none/config",
      );
      const other = { ...published.config, siteKey: "demo" };
      await expectError(
        await ctx.owner.request("PUT", "/v1/admin/sites/cfg-none/config/draft", other),
        400,
        "SITE_KEY_MISMATCH",
      );
      await expectError(
        await ctx.owner.request("PUT", "/v1/admin/sites/cfg-none/config/draft", { siteKey: 1 }),
        400,
        "INVALID_BODY",
      );
    });
  });
}
