import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { defaultSiteConfig, parseSiteConfig, SiteConfigSchema } from "../site-config";
import { presetJurisdictions } from "./presets";

const base = defaultSiteConfig("rules");
const withRules = (jurisdictions: unknown, categories: unknown = base.categories) =>
  parseSiteConfig({ ...base, categories, jurisdictions });
const rule = (id: string, regions: string[], more: object = {}) => ({
  id,
  regions,
  model: "opt-in",
  ...more,
});

describe("jurisdictions in a configuration", () => {
  it("accepts the presets and keeps them as written", () => {
    const result = withRules(presetJurisdictions());
    expect(result.ok && result.value.jurisdictions).toEqual(presetJurisdictions());
  });

  it.each([
    ["an otherwise naming no rule", { rules: [rule("a", ["FR"])], otherwise: "b" }, "otherwise"],
    [
      "a repeated rule id",
      { rules: [rule("a", ["FR"]), rule("a", ["DE"])], otherwise: "a" },
      "rules.1.id",
    ],
    [
      "a region in two rules",
      { rules: [rule("a", ["FR"]), rule("b", ["FR"])], otherwise: "a" },
      "rules.1.regions.0",
    ],
    [
      "two groups holding one country",
      { rules: [rule("a", ["EU"]), rule("b", ["EEA"])], otherwise: "a" },
      "rules.1.regions.0",
    ],
    [
      "preChoice in an opt-in rule",
      { rules: [rule("a", ["FR"], { preChoice: ["analytics"] })], otherwise: "a" },
      "rules.0.preChoice",
    ],
    [
      "preChoice naming necessary",
      {
        rules: [rule("a", ["US"], { model: "opt-out", preChoice: ["necessary"] })],
        otherwise: "a",
      },
      "rules.0.preChoice.0",
    ],
    [
      "preChoice naming no category",
      { rules: [rule("a", ["US"], { model: "opt-out", preChoice: ["stats"] })], otherwise: "a" },
      "rules.0.preChoice.0",
    ],
    [
      "a granted default in an opt-in rule",
      {
        rules: [rule("a", ["FR"], { consentMode: { analytics_storage: "granted" } })],
        otherwise: "a",
      },
      "rules.0.consentMode.analytics_storage",
    ],
    [
      "advertising granted by a UK rule",
      {
        rules: [
          rule("a", ["UK"], { model: "uk-exemptions", consentMode: { ad_storage: "granted" } }),
        ],
        otherwise: "a",
      },
      "rules.0.consentMode.ad_storage",
    ],
    [
      "a region that is no code",
      { rules: [rule("a", ["France"])], otherwise: "a" },
      "rules.0.regions.0",
    ],
  ])("refuses %s", (_, jurisdictions, field) => {
    const result = withRules(jurisdictions);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      new RegExp(`^jurisdictions\\.${field.replace(/\./g, "\\.")}: `),
    );
  });

  it("lets a country beat its group in another rule", () => {
    expect(withRules({ rules: [rule("a", ["EU"]), rule("b", ["FR"])], otherwise: "a" }).ok).toBe(
      true,
    );
  });

  it("refuses an exemption on necessary and an unknown exemption", () => {
    const exempt = (exemption: string) =>
      v.safeParse(SiteConfigSchema, {
        ...base,
        categories: base.categories.map((c) => (c.id === "necessary" ? { ...c, exemption } : c)),
      }).success;
    expect(exempt("statistics")).toBe(false);
    const stats = [...base.categories, { id: "statistics", exemption: "statistics" }];
    expect(v.safeParse(SiteConfigSchema, { ...base, categories: stats }).success).toBe(true);
    const odd = [...base.categories, { id: "statistics", exemption: "security" }];
    expect(v.safeParse(SiteConfigSchema, { ...base, categories: odd }).success).toBe(false);
  });
});
