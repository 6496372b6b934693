import type { SiteConfig } from "@assent/core";

/** English texts; sites override any of them per language in their config. */
export const EN = {
  title: "Cookies on this site",
  description:
    "We use cookies and similar technologies to see how the site is used, to show videos and social media posts, and to measure our advertising. Nothing beyond what the site needs to work is used unless you allow it, and you can change your mind at any time.",
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
  alwaysOn: "Always on",
  services: "Services",
  consentId: "Your consent ID",
  consentIdHelp: "Quote it if you ask us what we hold about your choices, or to erase it.",
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
};

/** A text key. */
export type TextKey = keyof typeof EN;

/** Looks a text up: the site's override for the language, then English, then the key itself. */
export type Texts = (key: string) => string;

/** Builds the text lookup for a site and language. */
export function textsFor(config: SiteConfig, language: string): Texts {
  const base = language.toLowerCase().split("-")[0] ?? "en";
  const overrides = { ...config.texts[base], ...config.texts[language.toLowerCase()] };
  return (key) =>
    overrides[key] ??
    (EN as Record<string, string>)[key] ??
    key.replace(/^(service|category)\./, "");
}
