import { describe, expect, it } from "vitest";
import { GATED_CONSENT_MODE_KEYS } from "./consent-mode";
import { loaderConsentMode } from "./loader-consent-mode";
import { defaultSiteConfig } from "./site-config";

const config = defaultSiteConfig("demo", [{ id: "google-analytics", category: "analytics" }]);

describe("loaderConsentMode (boot.consentMode)", () => {
  it("gives the loader the global denied default and every gated key's categories", () => {
    const cm = loaderConsentMode(config);
    expect(cm.defaults).toHaveLength(1);
    const [name, action, state] = cm.defaults[0] ?? [];
    expect([name, action]).toEqual(["consent", "default"]);
    expect(state).toMatchObject({ security_storage: "granted", wait_for_update: 500 });
    for (const key of GATED_CONSENT_MODE_KEYS) expect(state).toHaveProperty(key, "denied");
    expect(Object.keys(cm.keys).sort()).toEqual([...GATED_CONSENT_MODE_KEYS].sort());
    expect(cm.keys.analytics_storage).toEqual(["analytics"]);
    expect(cm.keys.ad_user_data).toEqual(["marketing"]);
    expect(cm.gpcDefaults).toBeUndefined();
  });

  it("follows the site's own mapping, regions and settings, in the order gtag needs", () => {
    const cm = loaderConsentMode({
      ...config,
      consentMode: {
        categories: { embeds: ["ad_storage"], analytics: ["analytics_storage"] },
        regions: ["GB"],
        adsDataRedaction: true,
        urlPassthrough: true,
      },
    });
    expect(cm.keys.ad_storage).toEqual(["embeds"]);
    expect(cm.keys.ad_personalization).toEqual([]);
    expect(cm.defaults.map(([name, action]) => `${name} ${action}`)).toEqual([
      "consent default",
      "consent default",
      "set ads_data_redaction",
      "set url_passthrough",
    ]);
    expect(cm.defaults[1]?.[2]).toMatchObject({ region: ["GB"] });
  });

  it("scopes the rule's pre-choice default to its regions, without the advertising keys under GPC", () => {
    const rule = {
      consentMode: {
        region: ["US-CA"],
        state: { ad_storage: "granted", analytics_storage: "granted" } as const,
      },
    };
    const cm = loaderConsentMode(config, rule);
    expect(cm.defaults.at(-1)?.[2]).toMatchObject({
      region: ["US-CA"],
      ad_storage: "granted",
      analytics_storage: "granted",
    });
    expect(cm.gpcDefaults?.at(-1)?.[2]).toMatchObject({
      region: ["US-CA"],
      ad_storage: "denied",
      analytics_storage: "granted",
    });
    expect(cm.gpcDefaults?.slice(0, -1)).toEqual(cm.defaults.slice(0, -1));
  });

  it("lists the categories whose grant lifts GPC's hold on the advertising keys", () => {
    expect(loaderConsentMode(config).lift).toEqual(["marketing"]);
  });
});
