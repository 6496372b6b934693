import { describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../site-config";
import { preChoiceDecision, ruleConsentDefaults } from "./pre-choice";
import { EU_EEA_RULE, UK_RULE, US_STATES_RULE } from "./presets";

const site: SiteConfig = (() => {
  const config = defaultSiteConfig("rules", [
    { id: "visit-counter", category: "statistics", purposes: ["analytics"] },
    { id: "google-analytics", category: "statistics" },
    { id: "meta-pixel", category: "marketing" },
    { id: "youtube", category: "embeds" },
  ]);
  return {
    ...config,
    categories: [...config.categories, { id: "statistics", exemption: "statistics" }],
  };
})();

const granted = (d: { categories: object; services: object }) => [
  ...Object.entries(d.categories)
    .filter(([, on]) => on)
    .map(([id]) => id),
  ...Object.entries(d.services)
    .filter(([, on]) => on)
    .map(([id]) => `service:${id}`),
];

describe("preChoiceDecision", () => {
  it("runs nothing but necessary under opt-in", () => {
    expect(granted(preChoiceDecision(site, EU_EEA_RULE, { gpc: false }))).toEqual(["necessary"]);
  });

  it("runs an exempt category's qualifying services only, under the UK rule", () => {
    const before = preChoiceDecision(site, UK_RULE, { gpc: false });
    expect(granted(before)).toEqual(["necessary", "statistics", "service:visit-counter"]);
    expect(before.services["google-analytics"]).toBe(false);
  });

  it("runs everything under opt-out, less what GPC refuses when the browser sends it", () => {
    expect(granted(preChoiceDecision(site, US_STATES_RULE, { gpc: false }))).toEqual([
      "necessary",
      "preferences",
      "analytics",
      "marketing",
      "embeds",
      "statistics",
      "service:visit-counter",
      "service:google-analytics",
      "service:meta-pixel",
      "service:youtube",
    ]);
    const gpc = preChoiceDecision(site, US_STATES_RULE, { gpc: true });
    expect(gpc.categories.marketing).toBe(false);
    expect(gpc.services["meta-pixel"]).toBe(false);
    expect(gpc.categories.analytics).toBe(true);
  });

  it("runs only the rule's preChoice categories, and nothing under GPC when it refuses all", () => {
    const rule = { ...US_STATES_RULE, preChoice: ["analytics"], gpc: "refuse-all" as const };
    expect(granted(preChoiceDecision(site, rule, { gpc: false }))).toEqual([
      "necessary",
      "analytics",
    ]);
    expect(granted(preChoiceDecision(site, rule, { gpc: true }))).toEqual(["necessary"]);
  });
});

describe("ruleConsentDefaults", () => {
  it("grants what the rule runs before a choice, then the rule's own keys", () => {
    expect(ruleConsentDefaults(site, EU_EEA_RULE).analytics_storage).toBe("denied");
    expect(ruleConsentDefaults(site, US_STATES_RULE).ad_storage).toBe("granted");
    const uk = { ...UK_RULE, consentMode: { analytics_storage: "granted" as const } };
    expect(ruleConsentDefaults(site, UK_RULE).analytics_storage).toBe("denied");
    expect(ruleConsentDefaults(site, uk).analytics_storage).toBe("granted");
  });
});
