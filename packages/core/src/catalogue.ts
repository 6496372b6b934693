/**
 * The service catalogue: what Assent knows about the third parties the seed sites run. Sites may
 * add their own services (or override these) in their configuration.
 */

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
  /**
   * Where it loads from: a host (matching its sub-domains too), optionally followed by a path
   * prefix in which `*` stands for part of one path segment, e.g. `facebook.com/v*` + `/plugins`.
   * The longest matching pattern across services wins.
   */
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

const GOOGLE_POLICY = "https://policies.google.com/privacy";
const ADS: readonly ConsentModeKey[] = ["ad_storage", "ad_user_data", "ad_personalization"];
const YEAR = 365;

/** Every service Assent knows, by the ids in DESIGN.md. */
export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: "google-analytics",
    name: "Google Analytics",
    provider: "Google",
    category: "analytics",
    purpose: "Counts visits and how pages are used, so the site can be improved.",
    hosts: ["googletagmanager.com", "google-analytics.com", "analytics.google.com"],
    cookies: [
      { name: "_ga", days: 2 * YEAR },
      { name: "_ga_*", days: 2 * YEAR },
      { name: "_gid", days: 1 },
      { name: "_gat*", days: 0 },
    ],
    privacyPolicyUrl: GOOGLE_POLICY,
    consentModeKeys: ["analytics_storage"],
  },
  {
    id: "google-ads",
    name: "Google Ads",
    provider: "Google",
    category: "marketing",
    purpose: "Measures and personalises advertising, including Google Signals.",
    hosts: ["googleadservices.com", "doubleclick.net", "googlesyndication.com"],
    cookies: [
      { name: "_gcl_*", days: 90 },
      { name: "_gac_*", days: 90 },
    ],
    privacyPolicyUrl: GOOGLE_POLICY,
    consentModeKeys: ADS,
  },
  {
    id: "meta-pixel",
    name: "Meta Pixel",
    provider: "Meta",
    category: "marketing",
    purpose: "Measures Facebook and Instagram adverts and builds audiences for them.",
    hosts: ["connect.facebook.net", "facebook.com/tr"],
    cookies: [
      { name: "_fbp", days: 90 },
      { name: "_fbc", days: 90 },
    ],
    privacyPolicyUrl: "https://www.facebook.com/privacy/policy/",
    consentModeKeys: [],
  },
  {
    id: "facebook-social",
    name: "Facebook",
    provider: "Meta",
    category: "embeds",
    purpose: "Shows Facebook like and share buttons and posts; Meta may track you.",
    hosts: ["connect.facebook.net/*/sdk.js", "facebook.com/plugins", "facebook.com/v*/plugins"],
    cookies: [],
    privacyPolicyUrl: "https://www.facebook.com/privacy/policy/",
    consentModeKeys: [],
  },
  {
    id: "twitter",
    name: "X (Twitter)",
    provider: "X Corp.",
    category: "embeds",
    purpose: "Shows posts and share buttons from X; X may track you.",
    hosts: ["platform.twitter.com", "syndication.twitter.com", "twimg.com", "platform.x.com"],
    cookies: [],
    privacyPolicyUrl: "https://x.com/privacy",
    consentModeKeys: [],
  },
  {
    id: "youtube",
    name: "YouTube",
    provider: "Google",
    category: "embeds",
    purpose: "Plays videos from YouTube; Google may count views and track you.",
    hosts: ["youtube.com", "youtube-nocookie.com", "ytimg.com", "youtu.be"],
    cookies: [],
    storage: ["yt-*", "ytidb::*"],
    privacyPolicyUrl: GOOGLE_POLICY,
    consentModeKeys: [],
    embed: {
      from: "https://www.youtube.com/embed/",
      to: "https://www.youtube-nocookie.com/embed/",
    },
  },
  {
    id: "vimeo",
    name: "Vimeo",
    provider: "Vimeo",
    category: "embeds",
    purpose: "Plays videos from Vimeo; Vimeo may count views.",
    hosts: ["vimeo.com", "vimeocdn.com"],
    cookies: [],
    privacyPolicyUrl: "https://vimeo.com/privacy",
    consentModeKeys: [],
  },
  {
    id: "flickr",
    name: "Flickr",
    provider: "Flickr",
    category: "embeds",
    purpose: "Shows photos and albums from Flickr; Flickr may track you.",
    hosts: ["flickr.com", "staticflickr.com", "flickr.net"],
    cookies: [],
    privacyPolicyUrl: "https://www.flickr.com/help/privacy",
    consentModeKeys: [],
  },
  {
    id: "linkedin-insight",
    name: "LinkedIn Insight Tag",
    provider: "LinkedIn",
    category: "marketing",
    purpose: "Measures LinkedIn adverts and builds audiences for them.",
    hosts: ["snap.licdn.com", "px.ads.linkedin.com"],
    cookies: [{ name: "li_fat_id", days: 30 }],
    privacyPolicyUrl: "https://www.linkedin.com/legal/privacy-policy",
    consentModeKeys: [],
  },
  {
    id: "hotjar",
    name: "Hotjar",
    provider: "Hotjar",
    category: "analytics",
    purpose: "Records how pages are used (clicks, scrolling) and runs surveys.",
    hosts: ["hotjar.com", "hotjar.io"],
    cookies: [{ name: "_hj*", days: YEAR }],
    storage: ["_hj*"],
    privacyPolicyUrl: "https://www.hotjar.com/legal/policies/privacy/",
    consentModeKeys: [],
  },
  {
    id: "microsoft-clarity",
    name: "Microsoft Clarity",
    provider: "Microsoft",
    category: "analytics",
    purpose: "Records how pages are used (clicks, scrolling) as heatmaps and replays.",
    hosts: ["clarity.ms"],
    cookies: [
      { name: "_clck", days: YEAR },
      { name: "_clsk", days: 1 },
    ],
    privacyPolicyUrl: "https://privacy.microsoft.com/privacystatement",
    consentModeKeys: ["analytics_storage"],
  },
];

/**
 * Whether a cookie or storage key name matches a name or a `prefix*` pattern.
 * @example nameMatches("_ga_ABC123", "_ga_*") // true
 */
export function nameMatches(name: string, pattern: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}
