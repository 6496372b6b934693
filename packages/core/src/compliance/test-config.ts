import { defaultSiteConfig, type SiteConfig } from "../site-config";

/**
 * A configuration no rule finds anything in (for tests): a full privacy-policy address, the
 * floating button, a refusal remembered as long as a consent, no catalogue cookie past 13 months.
 */
export function cleanConfig(patch: Partial<SiteConfig> = {}): SiteConfig {
  return {
    ...defaultSiteConfig(
      "lint",
      [{ id: "youtube", category: "embeds" }],
      "https://www.assent.test/privacy",
    ),
    expiry: { acceptedDays: 182, rejectedDays: 182 },
    ui: { theme: "auto", position: "bar", floatingButton: true },
    ...patch,
  };
}

/** The same configuration with one language's texts. */
export const withTexts = (
  language: string,
  texts: Record<string, string>,
  base = cleanConfig(),
) => ({
  ...base,
  texts: { ...base.texts, [language]: texts },
});
