import {
  ADVERTISING_CONSENT_MODE_KEYS,
  allowsElement,
  type ConsentModeState,
  type Decision,
  type LoaderConsentMode,
  type SiteService,
} from "@assent/core";
import "./page-globals";

/** Pushes a gtag command onto `dataLayer`: gtag.js reads only `arguments` objects as commands. */
export function gtag(..._args: unknown[]): void {
  // biome-ignore lint/complexity/noArguments: gtag.js recognises commands by their Arguments object.
  pushData(arguments);
}

/**
 * Pushes an entry (a gtag command or a GTM event object) onto `dataLayer`: the page's own, array
 * or not, when it has a `push`; a new array otherwise (none, or an element named `dataLayer`).
 */
export function pushData(entry: unknown): void {
  if (!window.dataLayer?.push) window.dataLayer = [];
  window.dataLayer.push(entry);
}

/**
 * `consent default` and the settings before any tag, as the server worked them out for this
 * site and visitor (`loaderConsentMode` in core): everything denied but security for every
 * visitor wherever they are, the same scoped to the site's regions, the visitor's rule's scoped
 * default (less the advertising keys under Global Privacy Control), then `ads_data_redaction`
 * and `url_passthrough`. Warns when a tag command reached `dataLayer` first: Google's tags then
 * ran without any consent state.
 */
export function pushConsentDefault(cm: LoaderConsentMode, gpc?: boolean): void {
  // Only an array is looked through: a page's own `dataLayer` may be any object with a `push`.
  const early = window.dataLayer?.find?.((e) => {
    const entry = e as { 0?: unknown; event?: unknown } | null;
    return entry?.[0] === "config" || entry?.[0] === "event" || entry?.event;
  });
  if (early) console.warn("[assent] gtag before consent default", early);
  for (const command of (gpc && cm.gpcDefaults) || cm.defaults) gtag(...command);
}

/**
 * `consent update` from a decision: a key is granted when a category mapped to it is, and no
 * service reading it (Google's tags, by their `consentModeKeys`) is denied: analytics on with
 * Google Analytics switched off keeps `analytics_storage` denied. Under Global Privacy Control
 * the advertising keys stay denied unless the visitor turned on a category GPC refuses
 * themselves (`cm.lift`).
 */
export function pushConsentUpdate(
  decision: Decision | null,
  cm: LoaderConsentMode,
  gpc: boolean,
  services: readonly SiteService[] = [],
): void {
  const state: ConsentModeState = {};
  for (const [key, categories] of Object.entries(cm.keys))
    state[key] = categories.some((c) => decision?.categories[c]) ? "granted" : "denied";
  for (const s of services)
    if (!allowsElement(decision, s.category, s.id))
      for (const key of s.consentModeKeys ?? []) state[key] = "denied";
  if (gpc && !cm.lift.some((c) => decision?.categories[c]))
    for (const key of ADVERTISING_CONSENT_MODE_KEYS) state[key] = "denied";
  gtag("consent", "update", state);
}
