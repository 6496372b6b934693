import { fullSubdivision, regionMatch, type VisitorLocation } from "./regions";
import type { Jurisdictions, Rule } from "./rule-schema";

/**
 * The rule of a configuration without `jurisdictions`: opt-in everywhere, as Assent always did.
 * It is never named in a receipt (such a site has no rules to name).
 */
export const OPT_IN_EVERYWHERE: Rule = { id: "opt-in", regions: [], model: "opt-in" };

/** Which rule applies to a visitor, and where the server placed them. */
export interface SelectedRule {
  rule: Rule;
  /** `US-CA` when the subdivision is known, else `FR`, else `null` (location unknown). */
  jurisdiction: string | null;
}

/**
 * The rule for a visitor: the rule naming their subdivision, else their country, else a group
 * holding their country (`EU`, `EEA`, `UK`); else `otherwise`, which also serves a visitor
 * whose location is unknown. Without `jurisdictions`: `OPT_IN_EVERYWHERE`. Pure: the server
 * calls it with the trusted proxy headers, tests with plain values.
 * @example selectRule(config, { country: "US", subdivision: "CA" }).rule.id // "us-states"
 */
export function selectRule(
  config: { jurisdictions?: Jurisdictions | undefined },
  location: VisitorLocation,
): SelectedRule {
  const country = location.country?.toUpperCase() || null;
  const jurisdiction = fullSubdivision(location) ?? country;
  const j = config.jurisdictions;
  if (!j) return { rule: OPT_IN_EVERYWHERE, jurisdiction };
  let best: Rule | undefined;
  let bestScore = 0;
  for (const rule of j.rules) {
    for (const region of rule.regions) {
      const score = regionMatch(region, location);
      if (score > bestScore) {
        best = rule;
        bestScore = score;
      }
    }
  }
  const rule = best ?? j.rules.find((r) => r.id === j.otherwise) ?? OPT_IN_EVERYWHERE;
  return { rule, jurisdiction };
}
