import { NECESSARY } from "../categories";
import { MAX_DECISION_DAYS } from "../config-guards";
import { catalogueEntry } from "../services";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import type { LintedConfig } from "./linted-config";

/**
 * How long things last: cookies declared to live past 13 months (CNIL's recommended maximum
 * for trackers), a catalogue cookie declared shorter than its tag keeps it unless set otherwise
 * (the preference centre shows the declared lifetime: the owner confirms the tag is set so), and
 * a refusal forgotten sooner than a consent (asking again only those who refused wears them
 * down).
 */
export function durationFindings(config: LintedConfig): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  config.services.forEach((service, i) => {
    // A necessary service's are errors (`necessary-cookie-over-13-months`).
    if (service.category === NECESSARY) return;
    const known = catalogueEntry(service.id)?.cookies ?? [];
    (service.cookies ?? []).forEach((cookie, j) => {
      const usual = known.find((c) => c.name === cookie.name)?.days;
      if (usual !== undefined && cookie.days < usual)
        findings.push({
          severity: "warning",
          rule: "cookie-lifetime-below-catalogue",
          field: `services.${i}.cookies.${j}.days`,
          why: `${service.id} sets "${cookie.name}" for ${usual} days unless its tag is told otherwise, and the preference centre will say ${cookie.days}: confirm that the tag is set to that (e.g. Google's cookie_expires), or visitors are told less than is kept.`,
          guidance: GUIDANCE.edpbTaskforce,
        });
      if (cookie.days > MAX_DECISION_DAYS)
        findings.push({
          severity: "warning",
          rule: "cookie-lifetime-over-13-months",
          field: `services.${i}.cookies.${j}.days`,
          why: `${service.id} sets "${cookie.name}" for ${cookie.days} days; trackers should live at most 13 months (${MAX_DECISION_DAYS} days). Shorten it in the tag's settings where you can.`,
          guidance: GUIDANCE.cnil,
        });
    });
  });
  const { acceptedDays, rejectedDays } = config.expiry;
  if (rejectedDays < acceptedDays)
    findings.push({
      severity: "warning",
      rule: "refusal-shorter-than-consent",
      field: "expiry.rejectedDays",
      why: `A refusal is remembered ${rejectedDays} days but a consent ${acceptedDays}: visitors who refuse are asked again sooner, which pushes them to accept. Remember both as long.`,
      guidance: GUIDANCE.cnil,
    });
  return findings;
}
