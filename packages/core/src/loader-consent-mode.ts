import {
  ADVERTISING_CONSENT_MODE_KEYS,
  type ConsentModeState,
  consentModeState,
  DEFAULT_CONSENT_MODE_CATEGORIES,
  GATED_CONSENT_MODE_KEYS,
} from "./consent-mode";
import type { VisitorRule } from "./jurisdictions/visitor-rule";
import { gpcRefuses } from "./purposes";
import type { SiteConfig } from "./site-config";

/** Milliseconds Google's tags wait for a `consent update` when the site does not say. */
export const DEFAULT_WAIT_FOR_UPDATE = 500;

/** A gtag command, as its arguments: `["consent", "default", {...}]`, `["set", key, value]`. */
export type GtagCommand = [string, string, unknown];

/**
 * Google Consent Mode as the loader applies it (`boot.consentMode`), worked out by the server
 * from the site's config and the visitor's rule, so the loader carries no mapping logic.
 */
export interface LoaderConsentMode {
  /**
   * What the loader pushes before any tag, in order: the global `consent default` (everything
   * denied but `security_storage`, with the site's `wait_for_update`), the same scoped to the
   * site's `regions`, the rule's region-scoped default (what runs before a choice), then the
   * `ads_data_redaction` and `url_passthrough` settings.
   */
  defaults: GtagCommand[];
  /**
   * The same under Global Privacy Control, only where it differs: the rule's scoped default less
   * the advertising keys.
   */
  gpcDefaults?: GtagCommand[];
  /** For `consent update`: every gated key, with the categories that grant it. */
  keys: Record<string, string[]>;
  /**
   * Under Global Privacy Control the advertising keys stay denied, whichever category a site maps
   * them from, unless the visitor turned on one of these categories (those GPC refuses) themselves.
   */
  lift: string[];
}

/**
 * Works out `boot.consentMode` for one site and visitor rule.
 * @example loaderConsentMode(config).defaults[0] // ["consent", "default", { ad_storage: "denied", ... }]
 */
export function loaderConsentMode(
  config: SiteConfig,
  rule?: Pick<VisitorRule, "consentMode">,
): LoaderConsentMode {
  const options = config.consentMode ?? {};
  const denied = {
    ...consentModeState(null),
    security_storage: "granted",
    wait_for_update: options.waitForUpdate ?? DEFAULT_WAIT_FOR_UPDATE,
  };
  const defaults = (scoped?: ConsentModeState): GtagCommand[] => {
    const out: GtagCommand[] = [["consent", "default", denied]];
    if (options.regions?.length)
      out.push(["consent", "default", { ...denied, region: options.regions }]);
    if (rule?.consentMode && scoped)
      out.push(["consent", "default", { ...denied, ...scoped, region: rule.consentMode.region }]);
    if (options.adsDataRedaction) out.push(["set", "ads_data_redaction", true]);
    if (options.urlPassthrough) out.push(["set", "url_passthrough", true]);
    return out;
  };
  const mapping = config.consentMode?.categories ?? DEFAULT_CONSENT_MODE_CATEGORIES;
  const out: LoaderConsentMode = {
    defaults: defaults(rule?.consentMode?.state),
    keys: Object.fromEntries(
      GATED_CONSENT_MODE_KEYS.map((key) => [
        key,
        Object.keys(mapping).filter((category) => mapping[category]?.includes(key)),
      ]),
    ),
    lift: config.categories.filter((c) => gpcRefuses(config, c)).map((c) => c.id),
  };
  if (rule?.consentMode) {
    const state = { ...rule.consentMode.state };
    for (const key of ADVERTISING_CONSENT_MODE_KEYS) state[key] = "denied";
    out.gpcDefaults = defaults(state);
  }
  return out;
}
