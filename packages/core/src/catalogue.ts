/**
 * The service catalogue: what Assent knows about the third parties the seed sites run. Sites may
 * add their own services (or override these) in their configuration.
 */

import { CATALOGUE_HOSTS, CATALOGUE_TRACES, type KnownService } from "./catalogue-hosts";
import type { Purpose } from "./purposes";

/** Every Google Consent Mode v2 key. */
export const CONSENT_MODE_KEYS = [
  "ad_storage",
  "ad_user_data",
  "ad_personalization",
  "analytics_storage",
  "functionality_storage",
  "personalization_storage",
  "security_storage",
] as const;

/** A Google Consent Mode v2 key. */
export type ConsentModeKey = (typeof CONSENT_MODE_KEYS)[number];

/** A cookie or storage key a service sets: a name, or a prefix ending in `*`, with its lifetime. */
export interface StoredItem {
  /** Exact name, or a prefix followed by `*` (e.g. `_ga_*`). */
  name: string;
  /** Lifetime in days; `0` for a session cookie. */
  days: number;
}

/** One service as the catalogue (or a site) describes it. */
export interface CatalogueEntry {
  /** Stable id, e.g. `google-analytics`. */
  id: string;
  name: string;
  provider: string;
  /** The category it belongs to unless the site says otherwise. */
  category: string;
  /** What it is for, in one sentence a visitor can read. */
  purpose: string;
  /** What it is for, as flags (`PURPOSES`) that GPC, Consent Mode and the linter read. */
  purposes: readonly Purpose[];
  /** Where it loads from (see `CATALOGUE_HOSTS`). */
  hosts: readonly string[];
  /** First-party cookies it sets (the ones Assent can and does delete on withdrawal). */
  cookies: readonly StoredItem[];
  /** `localStorage` keys it sets (name or prefix ending in `*`). */
  storage?: readonly string[];
  privacyPolicyUrl: string;
  /** The Consent Mode keys it needs granted. */
  consentModeKeys: readonly ConsentModeKey[];
  /** A privacy-friendlier URL for its embeds: URLs starting with `from` are rewritten to `to`. */
  embed?: { from: string; to: string };
}

/** The id, default category, hosts, cookies and storage keys of a catalogue service. */
function known(
  id: string,
): Pick<CatalogueEntry, "id" | "category" | "hosts" | "cookies" | "storage"> {
  const known = CATALOGUE_TRACES.find((entry) => entry.id === id) as KnownService;
  return { ...known, hosts: CATALOGUE_HOSTS[id] ?? [] };
}

const GOOGLE_POLICY = "https://policies.google.com/privacy";
const ADS: readonly ConsentModeKey[] = ["ad_storage", "ad_user_data", "ad_personalization"];
/** Advertising that shares what it learns with the ad network: what GPC opts out of. */
const ADVERTISING: readonly Purpose[] = ["advertising", "sale-or-share"];
/** Content from another site (a video, a post): the feature the visitor asked for. */
const EMBED: readonly Purpose[] = ["functional"];
/**
 * A social network's buttons and posts: the feature the visitor asked for, and what the network
 * learns from it goes to its advertising (California's "sharing", cross-context behavioural
 * advertising): Global Privacy Control opts out of it.
 */
const SOCIAL: readonly Purpose[] = ["functional", "sale-or-share"];
const ANALYTICS: readonly Purpose[] = ["analytics"];

/** Every service Assent knows, by the ids in DESIGN.md. */
export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    ...known("google-analytics"),
    name: "Google Analytics",
    provider: "Google",
    purpose: "Counts visits and how pages are used, so the site can be improved.",
    purposes: ANALYTICS,
    privacyPolicyUrl: GOOGLE_POLICY,
    consentModeKeys: ["analytics_storage"],
  },
  {
    ...known("google-ads"),
    name: "Google Ads",
    provider: "Google",
    purpose: "Measures and personalises advertising, including Google Signals.",
    purposes: ADVERTISING,
    privacyPolicyUrl: GOOGLE_POLICY,
    consentModeKeys: ADS,
  },
  {
    ...known("meta-pixel"),
    name: "Meta Pixel",
    provider: "Meta",
    purpose: "Measures Facebook and Instagram adverts and builds audiences for them.",
    purposes: ADVERTISING,
    privacyPolicyUrl: "https://www.facebook.com/privacy/policy/",
    consentModeKeys: [],
  },
  {
    ...known("facebook-social"),
    name: "Facebook",
    provider: "Meta",
    purpose: "Shows Facebook like and share buttons and posts; Meta may track you.",
    purposes: SOCIAL,
    privacyPolicyUrl: "https://www.facebook.com/privacy/policy/",
    consentModeKeys: [],
  },
  {
    ...known("twitter"),
    name: "X (Twitter)",
    provider: "X Corp.",
    purpose: "Shows posts and share buttons from X; X may track you.",
    purposes: SOCIAL,
    privacyPolicyUrl: "https://x.com/privacy",
    consentModeKeys: [],
  },
  {
    ...known("youtube"),
    name: "YouTube",
    provider: "Google",
    purpose: "Plays videos from YouTube; Google may count views and track you.",
    purposes: EMBED,
    privacyPolicyUrl: GOOGLE_POLICY,
    consentModeKeys: [],
    embed: {
      from: "https://www.youtube.com/embed/",
      to: "https://www.youtube-nocookie.com/embed/",
    },
  },
  {
    ...known("vimeo"),
    name: "Vimeo",
    provider: "Vimeo",
    purpose: "Plays videos from Vimeo; Vimeo may count views.",
    purposes: EMBED,
    privacyPolicyUrl: "https://vimeo.com/privacy",
    consentModeKeys: [],
  },
  {
    ...known("flickr"),
    name: "Flickr",
    provider: "Flickr",
    purpose: "Shows photos and albums from Flickr; Flickr may track you.",
    purposes: EMBED,
    privacyPolicyUrl: "https://www.flickr.com/help/privacy",
    consentModeKeys: [],
  },
  {
    ...known("linkedin-insight"),
    name: "LinkedIn Insight Tag",
    provider: "LinkedIn",
    purpose: "Measures LinkedIn adverts and builds audiences for them.",
    purposes: ADVERTISING,
    privacyPolicyUrl: "https://www.linkedin.com/legal/privacy-policy",
    consentModeKeys: [],
  },
  {
    ...known("hotjar"),
    name: "Hotjar",
    provider: "Hotjar",
    purpose: "Records how pages are used (clicks, scrolling) and runs surveys.",
    purposes: ANALYTICS,
    privacyPolicyUrl: "https://www.hotjar.com/legal/policies/privacy/",
    consentModeKeys: [],
  },
  {
    ...known("microsoft-clarity"),
    name: "Microsoft Clarity",
    provider: "Microsoft",
    purpose: "Records how pages are used (clicks, scrolling) as heatmaps and replays.",
    purposes: ANALYTICS,
    privacyPolicyUrl: "https://privacy.microsoft.com/privacystatement",
    // Not Google's tag: with Consent Mode keys it would load before consent in advanced mode.
    consentModeKeys: [],
  },
];

/**
 * Who uses what a catalogue service collects, for the UK exemptions (PECR reg. 6 as amended by
 * the Data (Use and Access) Act 2025): only the site's own statistics or appearance qualify,
 * whether the site collects them itself or through a processor acting only for it.
 */
export interface DataUse {
  /** The provider also uses what it collects for its own purposes (profiles, advertising). */
  ownPurposes: boolean;
  /**
   * Google Signals and advertising features can be switched on: Google then uses the data for
   * its own purposes. Qualifies only when the site declares them off (`advertisingFeatures:
   * false` on the service).
   */
  advertisingFeatures?: true;
}

/**
 * Each catalogue service's data use, by id. Kept beside the catalogue rather than in its
 * entries: entries are copied into every published configuration, whose hash must not change.
 */
export const CATALOGUE_DATA_USE: Readonly<Record<string, DataUse>> = {
  // A processor for the site (Google Analytics terms) while Signals and ads features are off.
  "google-analytics": { ownPurposes: false, advertisingFeatures: true },
  "google-ads": { ownPurposes: true },
  "meta-pixel": { ownPurposes: true },
  "facebook-social": { ownPurposes: true },
  twitter: { ownPurposes: true },
  youtube: { ownPurposes: true },
  vimeo: { ownPurposes: true },
  flickr: { ownPurposes: true },
  "linkedin-insight": { ownPurposes: true },
  // A processor: Hotjar's terms make the site the controller of what it records.
  hotjar: { ownPurposes: false },
  // Microsoft uses Clarity data to improve its own products and advertising.
  "microsoft-clarity": { ownPurposes: true },
};
