import type { Decision } from "@assent/core";

/** Google Consent Mode v2 keys each default category stands for. */
export const CONSENT_MODE_KEYS: Record<string, readonly string[]> = {
  analytics: ["analytics_storage"],
  marketing: ["ad_storage", "ad_user_data", "ad_personalization"],
  preferences: ["functionality_storage", "personalization_storage"],
};

const ALL_KEYS = Object.values(CONSENT_MODE_KEYS).flat();

/** Pushes a gtag command onto `dataLayer`: gtag.js reads only `arguments` objects as commands. */
export function gtag(..._args: unknown[]): void {
  window.dataLayer = window.dataLayer || [];
  // biome-ignore lint/complexity/noArguments: gtag.js recognises commands by their Arguments object.
  window.dataLayer.push(arguments);
}

/** The Consent Mode state a decision implies. */
export function consentModeState(decision: Decision | null): Record<string, "granted" | "denied"> {
  const state: Record<string, "granted" | "denied"> = {};
  for (const key of ALL_KEYS) state[key] = "denied";
  for (const [category, keys] of Object.entries(CONSENT_MODE_KEYS)) {
    if (decision?.categories[category]) for (const key of keys) state[key] = "granted";
  }
  return state;
}

/** `consent default`: everything denied but security, before any tag can run. */
export function pushConsentDefault(): void {
  gtag("consent", "default", {
    ...consentModeState(null),
    security_storage: "granted",
    wait_for_update: 500,
  });
}

/** `consent update` from a decision. */
export function pushConsentUpdate(decision: Decision): void {
  gtag("consent", "update", consentModeState(decision));
}
