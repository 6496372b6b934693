import { NECESSARY } from "../categories";
import { READS_CONSENT_MODE } from "../config-guards";
import { ADVERTISING_CONSENT_MODE_KEYS, DEFAULT_CONSENT_MODE_CATEGORIES } from "../consent-mode";
import { gpcRefuses } from "../purposes";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import type { LintedConfig } from "./linted-config";
import { BUILT_IN_CATEGORY_COVERS } from "./service-identity";

/**
 * Advanced Consent Mode loads Google's tags before any choice, to send cookieless pings: the
 * owner must acknowledge it. Only Google's own tags read Consent Mode, so only they load early
 * (the hard guard `consent-mode-keys-google-only` keeps every other service waiting).
 */
export function consentModeFindings(config: LintedConfig): ComplianceFinding[] {
  return [...advertisingKeyFindings(config), ...advancedModeFindings(config)];
}

/**
 * What each built-in category not for advertising is shown to visitors as, by its built-in
 * label and description: whatever purposes it declares, consenting to it is not consenting to
 * advertising. Which ones they are follows `BUILT_IN_CATEGORY_COVERS` (every built-in category
 * whose label does not cover advertising: preferences, analytics, embeds).
 */
const SHOWN_AS: Readonly<Record<string, string>> = {
  preferences: "remembering their settings",
  analytics: "counting visits",
  embeds: "videos, photos and share buttons from other sites",
};

/** A built-in category whose built-in label does not cover advertising. */
const notForAdvertising = (id: string) => {
  const covers = BUILT_IN_CATEGORY_COVERS[id];
  return !!covers && !covers.includes("advertising");
};

/**
 * Consent Mode's advertising keys (`ad_storage`, `ad_user_data`, `ad_personalization`) granted
 * by a category that is not for advertising: a "Preferences" consent would grant advertising,
 * which is then not specific consent, and a category claiming a UK exemption would grant it
 * before any choice, which no exemption covers. A category grants them only when it, or a
 * service under it, declares `advertising` or `sale-or-share`, and never when it is a built-in
 * category not for advertising, `preferences`, `analytics` or `embeds` (declaring `advertising`
 * there does not change what the visitor reads; `necessary` is the hard guard's).
 */
function advertisingKeyFindings(config: LintedConfig): ComplianceFinding[] {
  const mapping = config.consentMode?.categories ?? DEFAULT_CONSENT_MODE_CATEGORIES;
  const findings: ComplianceFinding[] = [];
  for (const [id, keys] of Object.entries(mapping)) {
    const category = config.categories.find((c) => c.id === id);
    const ads = keys.filter((k) =>
      (ADVERTISING_CONSENT_MODE_KEYS as readonly string[]).includes(k),
    );
    if (!category || id === NECESSARY || !ads.length) continue;
    const exempt = !!category.exemption;
    const builtIn = notForAdvertising(id);
    if (!exempt && !builtIn && gpcRefuses(config, category)) continue;
    findings.push({
      severity: "error",
      rule: "consent-mode-advertising-category",
      field: `consentMode.categories.${id}`,
      why: exempt
        ? `"${id}" claims a UK exemption, so it runs before any choice; it may not grant ${ads.join(", ")}: advertising needs consent in the UK too.`
        : builtIn
          ? `"${id}" is shown to visitors as ${SHOWN_AS[id] ?? `for ${BUILT_IN_CATEGORY_COVERS[id]?.join(" and ")}`}, so consenting to it may not grant ${ads.join(", ")}, whatever purposes it declares: map them from a category for advertising (such as "marketing").`
          : `"${id}" is not for advertising (neither it nor a service under it declares advertising or sale-or-share), so consenting to it may not grant ${ads.join(", ")}: consent to advertising must be given for advertising.`,
      guidance: GUIDANCE.googleConsentMode,
    });
  }
  return findings;
}

function advancedModeFindings(config: LintedConfig): ComplianceFinding[] {
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
