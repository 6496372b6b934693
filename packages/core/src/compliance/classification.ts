import { NECESSARY } from "../categories";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import type { LintedConfig } from "./linted-config";
import { mentions, normalize } from "./text-match";

/** Words that describe tracking, never a strictly necessary purpose. */
const TRACKING = [
  "analytics",
  "advertis",
  "marketing",
  "tracking",
  "tracker",
  "pixel",
  "remarketing",
  "retargeting",
  "statistic",
  "audience",
  "personalis",
  "personaliz",
  "profil",
  "social media",
  "a/b test",
];

/**
 * A site's own service filed under "necessary" whose name, provider or purpose describes
 * tracking: inaccurately classified essential cookies (catalogue services are refused there by
 * the hard guards).
 */
export function classificationFindings(config: LintedConfig): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  config.services.forEach((service, i) => {
    if (service.category !== NECESSARY) return;
    const described = normalize(
      [service.id.replace(/-/g, " "), service.name, service.provider, service.purpose]
        .filter(Boolean)
        .join(" | "),
    );
    const word = TRACKING.find((w) => mentions(described, w));
    if (word)
      findings.push({
        severity: "warning",
        rule: "necessary-looks-like-tracking",
        field: `services.${i}.category`,
        why: `"${service.id}" is filed as strictly necessary but is described with "${word}": only what the visitor's requested service cannot work without is exempt from consent.`,
        guidance: GUIDANCE.icoExceptions,
      });
  });
  return findings;
}
