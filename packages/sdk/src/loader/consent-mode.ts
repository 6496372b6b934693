import {
  ADVERTISING_CONSENT_MODE_KEYS,
  consentModeState,
  DEFAULT_CONSENT_MODE_CATEGORIES,
  type Decision,
  gpcRefuses,
  type SiteConfig,
  type VisitorRule,
} from "@assent/core";

/** Pushes a gtag command onto `dataLayer`: gtag.js reads only `arguments` objects as commands. */
export function gtag(..._args: unknown[]): void {
  // biome-ignore lint/complexity/noArguments: gtag.js recognises commands by their Arguments object.
  pushData(arguments);
}

/** Pushes an entry (a gtag command or a GTM event object) onto `dataLayer`. */
export function pushData(entry: unknown): void {
  window.dataLayer = window.dataLayer || [];
  window.dataLayer.push(entry);
}

/** Milliseconds Google's tags wait for a `consent update` when the site does not say. */
export const DEFAULT_WAIT_FOR_UPDATE = 500;

/**
 * `consent default`: everything denied but security, for every visitor wherever they are, with
 * the site's `wait_for_update` (500 ms unless it says); then, when the site lists regions, the
 * same denied default scoped to them. A visitor outside the listed regions is never left without
 * a default, which Google's tags treat as granted. Then the `ads_data_redaction` and
 * `url_passthrough` settings. Warns when a tag command reached `dataLayer` first: Google's tags
 * then ran without any consent state.
 *
 * With a visitor's rule (`boot.rule.consentMode`), its region-scoped default follows the global
 * one: what the rule runs before a choice, for the rule's regions, less the advertising keys
 * under Global Privacy Control. A visitor Google places elsewhere keeps the denied default.
 */
export function pushConsentDefault(
  config: SiteConfig,
  scoped?: VisitorRule["consentMode"],
  gpc?: boolean,
): void {
  const options = config.consentMode ?? {};
  const early = window.dataLayer?.find((e) => {
    const entry = e as { 0?: unknown; event?: unknown } | null;
    return entry?.[0] === "config" || entry?.[0] === "event" || entry?.event;
  });
  if (early) console.warn("[assent] gtag before consent default", early);
  const denied = {
    ...consentModeState(null),
    security_storage: "granted",
    wait_for_update: options.waitForUpdate ?? DEFAULT_WAIT_FOR_UPDATE,
  };
  gtag("consent", "default", denied);
  if (options.regions?.length) gtag("consent", "default", { ...denied, region: options.regions });
  if (scoped) {
    const state = { ...scoped.state };
    if (gpc) for (const key of ADVERTISING_CONSENT_MODE_KEYS) state[key] = "denied";
    gtag("consent", "default", { ...denied, ...state, region: scoped.region });
  }
  if (options.adsDataRedaction) gtag("set", "ads_data_redaction", true);
  if (options.urlPassthrough) gtag("set", "url_passthrough", true);
}

/**
 * `consent update` from a decision, through the site's category mapping. Under Global Privacy
 * Control the advertising keys stay denied, whichever category a site maps them from, unless the
 * visitor turned on a category GPC refuses (`gpcRefuses`) themselves.
 */
export function pushConsentUpdate(decision: Decision, config: SiteConfig, gpc?: boolean): void {
  const state = consentModeState(
    decision,
    config.consentMode?.categories ?? DEFAULT_CONSENT_MODE_CATEGORIES,
  );
  if (gpc && !config.categories.some((c) => decision.categories[c.id] && gpcRefuses(config, c)))
    for (const key of ADVERTISING_CONSENT_MODE_KEYS) state[key] = "denied";
  gtag("consent", "update", state);
}
