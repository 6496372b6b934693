import { allowsElement, type Decision, type SiteConfig, type SiteService } from "@assent/core";
import type { Allows } from "./gate-scripts";

/**
 * What a decision lets run: a category or service it allows; in advanced Consent Mode, also any
 * tag that reads Consent Mode.
 */
export const allowsIn =
  (config: SiteConfig, services: readonly SiteService[], decision: Decision | null): Allows =>
  (category, service) =>
    (config.consentMode?.mode === "advanced" &&
      !!services.find((s) => s.id === service)?.consentModeKeys?.length) ||
    allowsElement(decision, category, service);
