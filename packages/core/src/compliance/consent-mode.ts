import { READS_CONSENT_MODE } from "../config-guards";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import type { LintedConfig } from "./linted-config";

/**
 * Advanced Consent Mode loads Google's tags before any choice, to send cookieless pings: the
 * owner must acknowledge it. Only Google's own tags read Consent Mode, so only they load early
 * (the hard guard `consent-mode-keys-google-only` keeps every other service waiting).
 */
export function consentModeFindings(config: LintedConfig): ComplianceFinding[] {
  if (config.consentMode?.mode !== "advanced") return [];
  const google = config.services.filter((s) => READS_CONSENT_MODE.includes(s.id)).map((s) => s.id);
  const which = google.length ? google.join(" and ") : "Google's tags";
  return [
    {
      severity: "warning",
      rule: "advanced-consent-mode",
      field: "consentMode.mode",
      why: `In advanced mode ${which} load before the visitor chooses and send cookieless pings (page, time, device) to Google while consent is denied; basic mode sends nothing until consent.`,
      guidance: GUIDANCE.googleConsentMode,
    },
  ];
}
