import type { ConsentModeKey } from "./catalogue";
import type { Decision } from "./decision";

/** The advertising keys: under Global Privacy Control they stay denied (see `gpcRefuses`). */
export const ADVERTISING_CONSENT_MODE_KEYS: readonly ConsentModeKey[] = [
  "ad_storage",
  "ad_user_data",
  "ad_personalization",
];

/** Google Consent Mode v2 keys each default category grants; a site may map its own. */
export const DEFAULT_CONSENT_MODE_CATEGORIES: Record<string, readonly ConsentModeKey[]> = {
  preferences: ["functionality_storage", "personalization_storage"],
  analytics: ["analytics_storage"],
  marketing: ADVERTISING_CONSENT_MODE_KEYS,
};

/** The keys Assent sets: every key but `security_storage`, which is always granted. */
export const GATED_CONSENT_MODE_KEYS: readonly ConsentModeKey[] = /* @__PURE__ */ Object.values(
  DEFAULT_CONSENT_MODE_CATEGORIES,
).flat();

/** A Consent Mode state: each key granted or denied. */
export type ConsentModeState = Record<string, "granted" | "denied">;

/**
 * The Consent Mode state a decision implies: a key is granted when a granted category maps to
 * it; everything else is denied. No decision: everything denied.
 * @example consentModeState(decision, DEFAULT_CONSENT_MODE_CATEGORIES).analytics_storage // "granted"
 */
export function consentModeState(
  decision: Decision | null,
  mapping: Record<string, readonly string[]> = DEFAULT_CONSENT_MODE_CATEGORIES,
): ConsentModeState {
  const state: ConsentModeState = {};
  for (const key of GATED_CONSENT_MODE_KEYS) state[key] = "denied";
  const grant = (keys: readonly string[]) => {
    for (const key of keys) if (key in state) state[key] = "granted";
  };
  for (const [category, keys] of Object.entries(mapping))
    if (decision?.categories[category]) grant(keys);
  return state;
}
