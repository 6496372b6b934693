import {
  type ConsentModeState,
  consentModeState,
  DEFAULT_CONSENT_MODE_CATEGORIES,
} from "../consent-mode";
import type { Decision } from "../decision";
import { type PreChoiceScope, preChoiceDecision } from "./pre-choice";
import { REGION_GROUPS } from "./regions";
import type { Rule, RuleModel } from "./rule-schema";
import type { SelectedRule } from "./select-rule";
import { MODEL_TEXT_KEYS, RULE_TEXTS, type RuleTextKey } from "./texts";

/**
 * What the loader needs of the rule the server chose for a visitor (`boot.rule`), worked out on
 * the server from the whole published configuration, so the browser runs no rule logic and
 * downloads no other region's rule.
 */
export interface VisitorRule {
  /** The rule's id, as receipts name it. */
  id: string;
  /** `US-CA`, `FR`, or `null` when the location is unknown. */
  jurisdiction: string | null;
  model: RuleModel;
  /**
   * What runs until the visitor chooses: `before` without Global Privacy Control, `beforeGpc`
   * when the browser sends it. Absent for `opt-in` (nothing but `necessary`).
   */
  before?: Decision;
  beforeGpc?: Decision;
  /**
   * The region-scoped Consent Mode default, pushed after the global denied default: the keys
   * what runs before a choice needs (or the rule's own `consentMode`), for the rule's regions as
   * ISO 3166 codes. Absent when it would grant nothing.
   */
  consentMode?: { region: string[]; state: ConsentModeState };
  /**
   * The site counts Global Privacy Control as a refusal of everything under this rule
   * (`gpc: "refuse-all"`, as the EU Digital Omnibus proposal lets a browser signal be): a
   * visitor sending it is not asked, and the refusal is logged (method `gpc`).
   */
  gpcRefusesAll?: true;
  /** The rule's own texts per language, over the site's `texts`. */
  texts?: Record<string, Record<string, string>>;
  /**
   * The English wording of the texts this model shows, for a language the site did not word. The
   * SDK fetches the same texts in the banner's language beside its language chunk
   * (`RULE_TEXTS_BY_LANGUAGE`); these stand in when it is English or cannot be loaded.
   */
  fallback?: Partial<Record<RuleTextKey, string>>;
}

/** A rule's regions as the ISO codes Consent Mode's `region` takes: groups listed out. */
export function consentModeRegions(rule: Rule): string[] {
  return [...new Set(rule.regions.flatMap((r) => REGION_GROUPS[r] ?? [r]))];
}

/**
 * The pre-choice Consent Mode state: a key is granted only when every category mapped to it is
 * granted before a choice and no service in those categories is held back (an exempt statistics
 * category holding Google Analytics with Signals keeps `analytics_storage` denied: Google's tag
 * must not store anything for it), then the rule's own `consentMode`, which can only deny what
 * the pre-choice decision does not run.
 */
function preChoiceConsentMode(scope: PreChoiceScope, rule: Rule, before: Decision) {
  const mapping = scope.consentMode?.categories ?? DEFAULT_CONSENT_MODE_CATEGORIES;
  const state = consentModeState(before, mapping);
  for (const [category, keys] of Object.entries(mapping)) {
    const held =
      !before.categories[category] ||
      scope.services.some((s) => s.category === category && !before.services[s.id]);
    if (held) for (const key of keys) if (key in state) state[key] = "denied";
  }
  for (const [key, value] of Object.entries(rule.consentMode ?? {}))
    if (value === "denied" || state[key] === "granted") state[key] = value;
  return state;
}

/**
 * `boot.rule` for a visitor: the selected rule's model, what runs before a choice with and
 * without GPC, the region-scoped Consent Mode default and the rule's texts. For a rule with no
 * regions (`otherwise`), Consent Mode is scoped to the visitor's country when known; for an
 * unknown location it stays denied.
 * @example visitorRule(config, selectRule(config, { country: "GB" })).before?.categories.statistics // true
 */
export function visitorRule(scope: PreChoiceScope, selected: SelectedRule): VisitorRule {
  const { rule, jurisdiction } = selected;
  const out: VisitorRule = { id: rule.id, jurisdiction, model: rule.model };
  if (rule.texts) out.texts = rule.texts;
  if (rule.gpc === "refuse-all") out.gpcRefusesAll = true;
  const keys = MODEL_TEXT_KEYS[rule.model];
  if (keys.length) out.fallback = Object.fromEntries(keys.map((k) => [k, RULE_TEXTS[k]]));
  if (rule.model === "opt-in") return out;
  out.before = preChoiceDecision(scope, rule, { gpc: false });
  out.beforeGpc = preChoiceDecision(scope, rule, { gpc: true });
  const state = preChoiceConsentMode(scope, rule, out.before);
  const region = rule.regions.length
    ? consentModeRegions(rule)
    : jurisdiction
      ? [jurisdiction.slice(0, 2)]
      : [];
  if (region.length && Object.values(state).includes("granted"))
    out.consentMode = { region, state };
  return out;
}
