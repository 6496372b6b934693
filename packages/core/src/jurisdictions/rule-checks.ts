import * as v from "valibot";
import { NECESSARY } from "../categories";
import { pathItems } from "../config-guards";
import { ADVERTISING_CONSENT_MODE_KEYS } from "../consent-mode";
import { REGION_GROUPS } from "./regions";
import type { Jurisdictions } from "./rule-schema";

/** The parts of a configuration the rule checks read. */
export interface RuledConfig {
  categories: ReadonlyArray<{ id: string; exemption?: string | undefined }>;
  jurisdictions?: Jurisdictions | undefined;
}

/** A rule that cannot work as written: where (keys from the root) and why. */
export interface RuleIssue {
  path: ReadonlyArray<string | number>;
  message: string;
}

/** Countries a region stands for when it is a group or a country (subdivisions stand alone). */
const countriesOf = (region: string): readonly string[] => REGION_GROUPS[region] ?? [region];

/**
 * Everything that makes `jurisdictions` ambiguous or point at nothing: duplicate rule ids, an
 * `otherwise` naming no rule, a region (or a country through two groups) in two rules,
 * `preChoice` outside an `opt-out` rule or naming no category (or `necessary`), a granted Consent
 * Mode default in an `opt-in` rule or an advertising key granted by a `uk-exemptions` rule, and
 * an `exemption` on `necessary`.
 * @example ruleIssues(config).map((i) => i.message)
 */
export function ruleIssues(config: RuledConfig): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (path: Array<string | number>, message: string) => issues.push({ path, message });
  config.categories.forEach((c, i) => {
    if (c.exemption && c.id === NECESSARY)
      add(["categories", i, "exemption"], '"necessary" needs no exemption: it always runs');
  });
  const j = config.jurisdictions;
  if (!j) return issues;
  const categories = new Set(config.categories.map((c) => c.id));
  const ids = new Set<string>();
  const literal = new Map<string, string>();
  const grouped = new Map<string, string>();
  j.rules.forEach((rule, r) => {
    const at = (...rest: Array<string | number>) => ["jurisdictions", "rules", r, ...rest];
    if (ids.has(rule.id)) add(at("id"), `rule ids must be unique: "${rule.id}" is repeated`);
    ids.add(rule.id);
    rule.regions.forEach((region, i) => {
      const other = literal.get(region);
      if (other !== undefined && other !== rule.id)
        add(at("regions", i), `${region} is already in rule "${other}"`);
      literal.set(region, rule.id);
      if (!REGION_GROUPS[region]) return;
      for (const country of countriesOf(region)) {
        const owner = grouped.get(country);
        if (owner !== undefined && owner !== rule.id)
          add(at("regions", i), `${region} overlaps rule "${owner}" (${country} is in both)`);
        grouped.set(country, rule.id);
      }
    });
    if (rule.preChoice && rule.model !== "opt-out")
      add(
        at("preChoice"),
        rule.model === "opt-in"
          ? "an opt-in rule runs nothing before a choice"
          : "a uk-exemptions rule runs the categories marked with an exemption, not a list",
      );
    rule.preChoice?.forEach((id, i) => {
      if (id === NECESSARY || !categories.has(id))
        add(at("preChoice", i), `"${id}" is not a category that needs a choice`);
    });
    for (const [key, state] of Object.entries(rule.consentMode ?? {})) {
      if (state !== "granted") continue;
      if (rule.model === "opt-in")
        add(at("consentMode", key), "an opt-in rule grants nothing before a choice");
      else if (
        rule.model === "uk-exemptions" &&
        ADVERTISING_CONSENT_MODE_KEYS.includes(key as never)
      )
        add(at("consentMode", key), "advertising needs consent in the UK too");
    }
  });
  if (!ids.has(j.otherwise))
    add(["jurisdictions", "otherwise"], `"${j.otherwise}" is not the id of a rule`);
  return issues;
}

/**
 * The schema action that refuses a configuration whose rules are ambiguous or point at nothing
 * (`ruleIssues`), at the offending field.
 * @example v.pipe(SiteConfigShape, ruleChecks())
 */
export function ruleChecks<T extends RuledConfig>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const issue of ruleIssues(dataset.value)) {
      const [first, ...rest] = pathItems(dataset.value, issue.path);
      addIssue({ message: issue.message, path: first ? [first, ...rest] : undefined });
    }
  });
}
