import { NECESSARY } from "../categories";
import { MAX_DECISION_DAYS } from "../config-guards";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import type { LintedConfig } from "./linted-config";

/**
 * How long things last: cookies declared to live past 13 months (CNIL's recommended maximum
 * for trackers), and a refusal forgotten sooner than a consent (asking again only those who
 * refused wears them down).
 */
export function durationFindings(config: LintedConfig): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  config.services.forEach((service, i) => {
    // A necessary service's are errors (`necessary-cookie-over-13-months`).
    if (service.category === NECESSARY) return;
    (service.cookies ?? []).forEach((cookie, j) => {
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
