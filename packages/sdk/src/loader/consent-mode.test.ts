import {
  DEFAULT_CATEGORIES,
  type Decision,
  decide,
  defaultSiteConfig,
  loaderConsentMode,
  type SiteConfig,
  type VisitorRule,
} from "@assent/core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { pushConsentDefault, pushConsentUpdate } from "./consent-mode";

const scope = { categories: [...DEFAULT_CATEGORIES], services: [] };
const config = defaultSiteConfig("demo");
/** What the loader pushes, from the commands the API works out for this config and rule. */
const pushDefault = (c: SiteConfig, scoped?: VisitorRule["consentMode"], gpc?: boolean) =>
  pushConsentDefault(loaderConsentMode(c, scoped && { consentMode: scoped }), gpc);
const pushUpdate = (decision: Decision, c: SiteConfig, gpc = false) =>
  pushConsentUpdate(decision, loaderConsentMode(c), gpc, c.services);
const command = (i: number) => window.dataLayer?.[i] as IArguments;

beforeEach(() => {
  window.dataLayer = [];
});

describe("Google Consent Mode", () => {
  it("pushes a default with everything denied but security, as an Arguments object", () => {
    pushDefault(config);
    const entry = command(0);
    expect(Object.prototype.toString.call(entry)).toBe("[object Arguments]");
    expect(entry[0]).toBe("consent");
    expect(entry[1]).toBe("default");
    expect(entry[2]).toEqual({
      ad_storage: "denied",
      ad_user_data: "denied",
      ad_personalization: "denied",
      analytics_storage: "denied",
      functionality_storage: "denied",
      personalization_storage: "denied",
      security_storage: "granted",
      wait_for_update: 500,
    });
    expect(window.dataLayer).toHaveLength(1);
  });

  it("keeps a key denied when the Google tag reading it is switched off, its category on", () => {
    const withGoogle = defaultSiteConfig("demo", [
      { id: "google-analytics", category: "analytics", consentModeKeys: ["analytics_storage"] },
      {
        id: "google-ads",
        category: "marketing",
        consentModeKeys: ["ad_storage", "ad_user_data", "ad_personalization"],
      },
      { id: "meta-pixel", category: "marketing" },
    ]);
    const decision = decide(withGoogle, {
      categories: { analytics: true, marketing: true },
      services: { "google-analytics": false, "google-ads": false },
    });
    pushUpdate(decision, withGoogle);
    expect(command(0)[2]).toMatchObject({
      analytics_storage: "denied",
      ad_storage: "denied",
      ad_user_data: "denied",
    });
    window.dataLayer = [];
    pushUpdate(
      decide(withGoogle, { categories: { analytics: true, marketing: true } }),
      withGoogle,
    );
    expect(command(0)[2]).toMatchObject({ analytics_storage: "granted", ad_storage: "granted" });
  });

  it("always pushes the global denied default; regions get a scoped one on top (a UK visitor too)", () => {
    pushDefault({
      ...config,
      consentMode: { regions: ["US-CA"], adsDataRedaction: true, urlPassthrough: true },
    });
    const global = command(0)[2];
    expect(global).not.toHaveProperty("region");
    expect(global).toMatchObject({ ad_storage: "denied", analytics_storage: "denied" });
    expect([...command(1)].slice(0, 2)).toEqual(["consent", "default"]);
    expect(command(1)[2]).toEqual({ ...global, region: ["US-CA"] });
    expect([...command(2)]).toEqual(["set", "ads_data_redaction", true]);
    expect([...command(3)]).toEqual(["set", "url_passthrough", true]);
    expect(window.dataLayer).toHaveLength(4);
  });

  it("honours the site's waitForUpdate, 0 included, in every default", () => {
    for (const waitForUpdate of [0, 2000]) {
      window.dataLayer = [];
      pushDefault({ ...config, consentMode: { waitForUpdate, regions: ["GB"] } });
      expect(command(0)[2]).toMatchObject({ wait_for_update: waitForUpdate });
      expect(command(1)[2]).toMatchObject({ wait_for_update: waitForUpdate, region: ["GB"] });
    }
  });

  it("never grants a gated key by default, whatever the regions", () => {
    pushDefault({ ...config, consentMode: { regions: ["GB", "FR", "US-CA"] } });
    for (const entry of window.dataLayer ?? []) {
      const state = Object.entries((entry as IArguments)[2] as Record<string, unknown>);
      const granted = state.filter(([, value]) => value === "granted").map(([key]) => key);
      expect(granted).toEqual(["security_storage"]);
    }
  });

  it("warns when a config or event command reached dataLayer before the default", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    pushDefault(config);
    expect(warn).not.toHaveBeenCalled();
    window.dataLayer = [];
    (function gtag(..._: unknown[]) {
      // biome-ignore lint/complexity/noArguments: gtag commands are Arguments objects.
      window.dataLayer?.push(arguments);
    })("config", "G-1");
    pushDefault(config);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it("pushes through the page's own dataLayer when it is not an array, and never throws", () => {
    // A tag manager's own object with a `push`: the defaults go through it.
    const pushed: unknown[] = [];
    const own = { push: (entry: unknown) => pushed.push(entry) };
    window.dataLayer = own as unknown as unknown[];
    pushDefault(config);
    expect(window.dataLayer).toBe(own);
    expect((pushed[0] as IArguments)[1]).toBe("default");
    // Something with no `push` (an element named `dataLayer`): a new array takes its place.
    window.dataLayer = document.createElement("div") as unknown as unknown[];
    pushDefault(config);
    expect(Array.isArray(window.dataLayer)).toBe(true);
    expect(command(0)[1]).toBe("default");
  });

  it("updates through the site's category mapping", () => {
    pushUpdate(decide(scope, { categories: { analytics: true } }), config);
    expect(command(0)[1]).toBe("update");
    expect(command(0)[2]).toMatchObject({ analytics_storage: "granted", ad_storage: "denied" });

    const mapped = { ...config, consentMode: { categories: { embeds: ["ad_storage" as const] } } };
    pushUpdate(decide(scope, { categories: { embeds: true } }), mapped);
    expect(command(1)[2]).toMatchObject({ ad_storage: "granted", analytics_storage: "denied" });
  });
});
