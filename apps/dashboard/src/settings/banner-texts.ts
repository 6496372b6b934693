import { type BannerTextKey, ENGLISH_TEXTS, type SiteConfig } from "@assent/core";

const editable = (key: BannerTextKey, label: string) => ({
  key,
  label,
  standard: ENGLISH_TEXTS[key],
});

/** The banner texts a site usually overrides, with the English the banner shows by default. */
export const EDITABLE_TEXTS: ReadonlyArray<{
  key: BannerTextKey;
  label: string;
  standard: string;
}> = [
  editable("title", "Title"),
  editable("description", "Description"),
  editable("acceptAll", "Accept button"),
  editable("rejectAll", "Reject button"),
  editable("manage", "Preferences button"),
  editable("privacyPolicy", "Privacy policy link"),
];

/** A text as the banner would show it in `language`: the site's own, else the standard one. */
export function bannerText(config: SiteConfig, language: string, key: string): string {
  const own = config.texts[language]?.[key];
  if (own) return own;
  return (ENGLISH_TEXTS as Record<string, string>)[key] ?? key;
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
