import type { SiteConfig } from "@assent/core";

/** The banner texts a site usually overrides, with the English the banner shows by default. */
export const EDITABLE_TEXTS: ReadonlyArray<{ key: string; label: string; standard: string }> = [
  { key: "title", label: "Title", standard: "Cookies on this site" },
  {
    key: "description",
    label: "Description",
    standard:
      "We use cookies and similar technologies to see how the site is used, to show videos and social media posts, and to measure our advertising. Nothing beyond what the site needs to work is used unless you allow it, and you can change your mind at any time.",
  },
  { key: "acceptAll", label: "Accept button", standard: "Accept all" },
  { key: "rejectAll", label: "Reject button", standard: "Reject all" },
  { key: "manage", label: "Preferences button", standard: "Manage preferences" },
  { key: "privacyPolicy", label: "Privacy policy link", standard: "Privacy policy" },
];

/** A text as the banner would show it in `language`: the site's own, else the standard one. */
export function bannerText(config: SiteConfig, language: string, key: string): string {
  const own = config.texts[language]?.[key];
  if (own) return own;
  return EDITABLE_TEXTS.find((t) => t.key === key)?.standard ?? key;
}

/** The same config with one text set (an empty text removes the override). */
export function withText(
  config: SiteConfig,
  language: string,
  key: string,
  text: string,
): SiteConfig {
  const forLanguage = { ...config.texts[language] };
  if (text.trim() === "") delete forLanguage[key];
  else forLanguage[key] = text;
  const texts = { ...config.texts, [language]: forLanguage };
  if (Object.keys(forLanguage).length === 0) delete texts[language];
  return { ...config, texts };
}
