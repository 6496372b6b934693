import { presetJurisdictions, type SiteConfig } from "@assent/core";

/**
 * `base` with the preset rules per region and a UK-exempt `statistics` category (named and
 * described) holding a first-party visit counter: what the jurisdiction tests publish.
 */
export function ukExemptConfig(base: SiteConfig): SiteConfig {
  return {
    ...base,
    categories: [
      ...base.categories,
      { id: "statistics", exemption: "statistics", purposes: ["analytics"] },
    ],
    services: [
      ...base.services,
      { id: "visit-counter", category: "statistics", purposes: ["analytics"] },
    ],
    jurisdictions: presetJurisdictions(),
    texts: {
      ...base.texts,
      en: {
        ...base.texts.en,
        "category.statistics": "Statistics",
        "category.statistics.description": "Counting visits to improve the site.",
      },
    },
  };
}
