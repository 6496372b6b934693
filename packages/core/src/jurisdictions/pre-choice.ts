import {
  type ConsentModeState,
  consentModeState,
  DEFAULT_CONSENT_MODE_CATEGORIES,
} from "../consent-mode";
import { type Decision, decide, rejectAll } from "../decision";
import { gpcRefused } from "../purposes";
import type { Rule } from "./rule-schema";
import { type QualifiedService, ukQualification } from "./uk-qualification";

/** The parts of a configuration what runs before a choice depends on. */
export interface PreChoiceScope {
  categories: ReadonlyArray<{
    id: string;
    required?: boolean | undefined;
    purposes?: readonly string[] | undefined;
    exemption?: string | undefined;
  }>;
  services: ReadonlyArray<QualifiedService & { category: string }>;
  consentMode?: { categories?: Record<string, readonly string[]> | undefined } | undefined;
}

/**
 * What runs before the visitor chooses, under a rule: `opt-in` nothing but `necessary`;
 * `uk-exemptions` the categories with an `exemption`, each service in them only if it qualifies
 * (`ukQualification`); `opt-out` the rule's `preChoice` categories (all when absent), less what
 * Global Privacy Control refuses when the browser sends it (everything, when the rule's `gpc` is
 * `refuse-all`). The SDK applies it as the decision until there is a real one.
 * @example preChoiceDecision(config, UK_RULE, { gpc: false }).categories.statistics // true
 */
export function preChoiceDecision(
  scope: PreChoiceScope,
  rule: Rule,
  signals: { gpc: boolean },
): Decision {
  if (rule.model === "opt-in") return rejectAll(scope);
  if (signals.gpc && rule.gpc === "refuse-all") return rejectAll(scope);
  const categories: Record<string, boolean> = {};
  const services: Record<string, boolean> = {};
  if (rule.model === "uk-exemptions") {
    for (const c of scope.categories) if (c.exemption) categories[c.id] = true;
    for (const s of scope.services)
      if (categories[s.category]) services[s.id] = ukQualification(s).qualifies;
    return decide(scope, { categories, services });
  }
  for (const c of scope.categories) categories[c.id] = rule.preChoice?.includes(c.id) ?? true;
  if (signals.gpc) {
    const refused = gpcRefused(scope);
    for (const id of refused.categories) categories[id] = false;
    for (const id of refused.services) services[id] = false;
  }
  return decide(scope, { categories, services });
}

/**
 * The region-scoped Consent Mode default of a rule: what its pre-choice decision grants (without
 * GPC, which the SDK applies on the page), overridden key by key by the rule's `consentMode`.
 * @example ruleConsentDefaults(config, US_STATES_RULE).ad_storage // "granted"
 */
export function ruleConsentDefaults(scope: PreChoiceScope, rule: Rule): ConsentModeState {
  const mapping = scope.consentMode?.categories ?? DEFAULT_CONSENT_MODE_CATEGORIES;
  const state = consentModeState(preChoiceDecision(scope, rule, { gpc: false }), mapping);
  return { ...state, ...rule.consentMode };
}
