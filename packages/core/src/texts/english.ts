/**
 * The banner's English texts: the default wording, and the key set every language's dictionary
 * has (the SDK's language chunks, the dashboard's text editor). Sites override any of them per
 * language in their configuration's `texts`.
 */
export const ENGLISH_TEXTS = {
  title: "Cookies on this site",
  description:
    "We use cookies and similar technologies to see how the site is used, to show videos and social media posts, and to measure our advertising. Nothing beyond what the site needs to work is used unless you allow it, and you can change your mind at any time.",
  reconsent: "Our use of cookies has changed since you last chose, so we are asking again.",
  acceptAll: "Accept all",
  rejectAll: "Reject all",
  manage: "Manage preferences",
  save: "Save choices",
  close: "Close",
  privacyPolicy: "Privacy policy",
  cookiePolicy: "Cookie policy",
  preferencesTitle: "Privacy preferences",
  preferencesIntro:
    "Choose what you allow. Strictly necessary cookies keep the site working and cannot be switched off.",
  gpc: "Your browser asks sites not to sell or share your data (Global Privacy Control). Nothing is switched on unless you choose it.",
  gpcHonoured:
    "Your browser's Global Privacy Control signal is honoured: advertising and the sharing of your data stay off.",
  alwaysOn: "Always on",
  services: "Services",
  provider: "Provider",
  purpose: "Purpose",
  cookies: "Cookies",
  serviceprivacy: "Privacy policy of",
  consentId: "Your consent ID",
  consentIdHelp: "Quote it if you ask us what we hold about your choices, or to erase it.",
  history: "Your consent history",
  historyEmpty: "No choices recorded in this browser yet.",
  "method.accept-all": "Accepted all",
  "method.reject-all": "Rejected all",
  "method.custom": "Custom choice",
  "method.withdraw": "Withdrawn",
  "method.gpc": "Global Privacy Control",
  "method.api": "Set by the site",
  "method.object": "Objected",
  "method.opt-out": "Opted out of sale or sharing",
  receiptProof: "Download with its proof",
  receiptProofPending: "Not in the public log yet. Try again in a minute.",
  "category.necessary": "Strictly necessary",
  "category.necessary.description":
    "Security, load balancing and remembering your privacy choices.",
  "category.preferences": "Preferences",
  "category.preferences.description": "Remembering settings such as language or region.",
  "category.analytics": "Analytics",
  "category.analytics.description":
    "Counting visits and seeing how the site is used, so we can improve it.",
  "category.marketing": "Marketing",
  "category.marketing.description":
    "Measuring and personalising advertising, on this site and elsewhere.",
  "category.embeds": "Embedded content and social media",
  "category.embeds.description":
    "Videos, photos and share buttons from other sites, which may track you.",
} as const;

/** The key of a banner text, e.g. `acceptAll` or `category.analytics`. */
export type BannerTextKey = keyof typeof ENGLISH_TEXTS;
