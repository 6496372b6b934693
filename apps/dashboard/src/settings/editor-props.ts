import type { SiteConfig } from "@assent/core";

/** What each part of the configuration editor gets: the configuration and a way to change it. */
export interface FieldsProps {
  config: SiteConfig;
  onChange: (config: SiteConfig) => void;
}
