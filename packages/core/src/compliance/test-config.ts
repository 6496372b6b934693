import { DEFAULT_CATEGORIES } from "../categories";
import { defaultSiteConfig, type SiteConfig } from "../site-config";
import { lintConfig } from "./lint";

/**
 * A configuration no rule finds anything in (for tests): a full privacy-policy address, the
 * floating button, a refusal remembered as long as a consent, no catalogue cookie past 13 months,
 * and a label and a description in the default language for each category of the site's own
 * (under those `patch` gives).
 */
export function cleanConfig(patch: Partial<SiteConfig> = {}): SiteConfig {
  const config: SiteConfig = {
    ...defaultSiteConfig(
      "lint",
      [{ id: "youtube", category: "embeds" }],
      "https://www.assent.test/privacy",
    ),
    expiry: { acceptedDays: 182, rejectedDays: 182 },
    ui: { theme: "auto", position: "bar", floatingButton: true },
    ...patch,
  };
  const named = config.categories
    .filter((c) => !DEFAULT_CATEGORIES.some((d) => d.id === c.id))
    .flatMap((c) => [
      [`category.${c.id}`, `Our ${c.id}`],
      [`category.${c.id}.description`, `What ${c.id} covers on this site.`],
    ]);
  if (!named.length) return config;
  const language = config.defaultLanguage;
  return {
    ...config,
    texts: {
      ...config.texts,
      [language]: { ...Object.fromEntries(named), ...config.texts[language] },
    },
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

/** The errors (`rule field`) the linter finds in one language's texts on a clean configuration. */
export const textErrors = (language: string, texts: Record<string, string>) =>
  lintConfig(withTexts(language, texts))
    .filter((f) => f.severity === "error")
    .map((f) => `${f.rule} ${f.field}`);
