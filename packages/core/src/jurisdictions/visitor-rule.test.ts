import { describe, expect, it } from "vitest";
import { defaultSiteConfig, type SiteConfig } from "../site-config";
import { ELSEWHERE_RULE, EU_EEA_RULE, UK_RULE, US_STATES_RULE } from "./presets";
import { consentModeRegions, visitorRule } from "./visitor-rule";

/** A UK site: first-party visit counting and Google Analytics under the statistics exemption. */
const site = (services: SiteConfig["services"]): SiteConfig => {
  const config = defaultSiteConfig("rules", services);
  return {
    ...config,
    categories: [...config.categories, { id: "statistics", exemption: "statistics" }],
    consentMode: { categories: { statistics: ["analytics_storage"], marketing: ["ad_storage"] } },
  };
};
const counter = {
  id: "visit-counter",
  category: "statistics",
  purposes: ["analytics" as const],
};
const signals = { id: "google-analytics", category: "statistics" };

describe("visitorRule", () => {
  it("sends nothing to run before a choice under opt-in, and no Consent Mode default", () => {
    const rule = visitorRule(site([counter]), { rule: EU_EEA_RULE, jurisdiction: "FR" });
    expect(rule).toEqual({ id: "eu-eea", jurisdiction: "FR", model: "opt-in" });
    // Where the site counts GPC as a refusal, the loader is told so.
    const refusing = { ...EU_EEA_RULE, gpc: "refuse-all" as const };
    expect(visitorRule(site([counter]), { rule: refusing, jurisdiction: "FR" }).gpcRefusesAll).toBe(
      true,
    );
  });

  it("grants analytics_storage in the UK only when every exempt service qualifies", () => {
    const ok = visitorRule(site([counter]), { rule: UK_RULE, jurisdiction: "GB" });
    expect(ok.before?.services["visit-counter"]).toBe(true);
    expect(ok.consentMode).toEqual({
      region: ["GB"],
      state: expect.objectContaining({ analytics_storage: "granted", ad_storage: "denied" }),
    });
    expect(ok.fallback?.object).toBe("Object");
    // Google Analytics with Signals is held back, so its tag must not store anything either.
    const held = visitorRule(site([counter, signals]), { rule: UK_RULE, jurisdiction: "GB" });
    expect(held.before?.services["google-analytics"]).toBe(false);
    expect(held.consentMode).toBeUndefined();
  });

  it("lists the regions of groups for Consent Mode, and honours GPC in what runs", () => {
    // The EEA's 30 countries, the EU's 9 territories with codes of their own, and GB.
    expect(consentModeRegions({ ...UK_RULE, regions: ["EEA", "UK"] })).toHaveLength(40);
    const us = visitorRule(site([counter, { id: "meta-pixel", category: "marketing" }]), {
      rule: US_STATES_RULE,
      jurisdiction: "US-CA",
    });
    expect(us.consentMode?.region).toEqual(US_STATES_RULE.regions);
    expect(us.consentMode?.state.ad_storage).toBe("granted");
    expect(us.before?.services["meta-pixel"]).toBe(true);
    expect(us.beforeGpc?.services["meta-pixel"]).toBe(false);
    expect(us.beforeGpc?.categories.statistics).toBe(true);
    expect(us.fallback?.optOutHonoured).toBe("Opt-out request honoured");
  });

  it("cannot grant by the rule's own Consent Mode what does not run before a choice", () => {
    const rule = { ...UK_RULE, consentMode: { ad_storage: "granted" as const } };
    const out = visitorRule(site([counter]), { rule, jurisdiction: "GB" });
    expect(out.consentMode?.state.ad_storage).toBe("denied");
    const denied = { ...UK_RULE, consentMode: { analytics_storage: "denied" as const } };
    expect(
      visitorRule(site([counter]), { rule: denied, jurisdiction: "GB" }).consentMode,
    ).toBeUndefined();
  });

  it("scopes an opt-out rule for everywhere else to the visitor's country, and to nowhere when unknown", () => {
    const elsewhere = { ...ELSEWHERE_RULE, model: "opt-out" as const };
    expect(
      visitorRule(site([counter]), { rule: elsewhere, jurisdiction: "US-AL" }).consentMode?.region,
    ).toEqual(["US"]);
    const unknown = visitorRule(site([counter]), { rule: elsewhere, jurisdiction: null });
    expect(unknown.before?.categories.statistics).toBe(true);
    expect(unknown.consentMode).toBeUndefined();
  });
});
