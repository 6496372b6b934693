import type { VisitorRule } from "./jurisdictions/visitor-rule";
import { loaderConsentMode } from "./loader-consent-mode";
import { catalogueTraces } from "./page-services";
import type { LoaderBoot, SiteConfig } from "./site-config";

/**
 * What the server works out for the loader from the whole published config and the visitor's
 * rule, so the loader carries neither Consent Mode's mapping nor the catalogue: the gtag
 * commands and mapping (`loaderConsentMode`) and the catalogue's services the site does not list
 * (`catalogueTraces`).
 * @example const boot = { config, configHash, api, ui, ...workedOutForLoader(config, rule) };
 */
export function workedOutForLoader(
  config: SiteConfig,
  rule?: Pick<VisitorRule, "consentMode">,
): Pick<LoaderBoot, "consentMode" | "traces"> {
  return { consentMode: loaderConsentMode(config, rule), traces: catalogueTraces(config.services) };
}
