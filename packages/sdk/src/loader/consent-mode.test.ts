import { acceptAll, DEFAULT_CATEGORIES, decide } from "@assent/core";
import { beforeEach, describe, expect, it } from "vitest";
import { consentModeState, pushConsentDefault, pushConsentUpdate } from "./consent-mode";

const scope = { categories: [...DEFAULT_CATEGORIES], services: [] };

beforeEach(() => {
  window.dataLayer = [];
});

describe("Google Consent Mode", () => {
  it("pushes a default with everything denied but security, as an Arguments object", () => {
    pushConsentDefault();
    const entry = window.dataLayer?.[0] as IArguments;
    expect(Object.prototype.toString.call(entry)).toBe("[object Arguments]");
    expect(entry[0]).toBe("consent");
    expect(entry[1]).toBe("default");
    expect(entry[2]).toMatchObject({
      ad_storage: "denied",
      ad_user_data: "denied",
      ad_personalization: "denied",
      analytics_storage: "denied",
      functionality_storage: "denied",
      personalization_storage: "denied",
      security_storage: "granted",
      wait_for_update: 500,
    });
  });

  it("maps categories to keys", () => {
    const state = consentModeState(decide(scope, { categories: { analytics: true } }));
    expect(state.analytics_storage).toBe("granted");
    expect(state.ad_storage).toBe("denied");
    pushConsentUpdate(acceptAll(scope));
    const entry = window.dataLayer?.[0] as IArguments;
    expect(entry[1]).toBe("update");
    expect(Object.values(entry[2] as object).every((v) => v === "granted")).toBe(true);
  });
});
