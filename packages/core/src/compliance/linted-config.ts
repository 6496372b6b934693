import type { Jurisdictions } from "../jurisdictions";
import type { SiteService } from "../services";

/** The parts of a site configuration the linter reads (a parsed `SiteConfig` has them all). */
export interface LintedConfig {
  privacyPolicyUrl?: string | undefined;
  cookiePolicyUrl?: string | undefined;
  defaultLanguage?: string | undefined;
  categories: ReadonlyArray<{
    id: string;
    required?: boolean | undefined;
    exemption?: "statistics" | "functionality" | undefined;
    purposes?: readonly string[] | undefined;
  }>;
  services: readonly (SiteService & { advertisingFeatures?: boolean | undefined })[];
  expiry: { acceptedDays: number; rejectedDays: number };
  ui: { position: "bar" | "box" | "modal"; floatingButton: boolean };
  consentMode?:
    | {
        mode?: "basic" | "advanced" | undefined;
        categories?: Record<string, readonly string[]> | undefined;
      }
    | undefined;
  texts: Record<string, Record<string, string>>;
  /** `false`: the page is not reloaded after a withdrawal (the site stops its own scripts). */
  reloadOnWithdraw?: boolean | undefined;
  jurisdictions?: Jurisdictions | undefined;
}

/** What the linter knows besides the configuration: the site's own origins. */
export interface LintContext {
  /** Origins the site's pages are served from (its allowed origins), e.g. `https://www.example.org`. */
  siteOrigins?: readonly string[];
}
