import {
  OBJECTION_TEXT_KEYS,
  RULE_TEXT_LANGUAGES,
  RULE_TEXTS,
  ukQualification,
} from "../jurisdictions";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import type { LintedConfig } from "./linted-config";

/** The purposes each UK exemption covers: statistics about use, or appearance and function. */
const EXEMPT_PURPOSES: Record<string, readonly string[]> = {
  statistics: ["analytics"],
  functionality: ["functional", "personalisation"],
};

/** A language's base (`fr` of `fr-CA`). */
const base = (language: string) => language.split("-")[0] ?? language;

/**
 * What the rules per region get wrong under the law they follow: a UK-exempt category holding a
 * service that does not qualify (advertising, Meta, a provider using the data for its own
 * purposes, Google Analytics with Signals or advertising features) is an error, as is a missing
 * objection text; a service outside its exemption's purpose, an exemption no UK rule uses, and an
 * unknown location served by anything but an opt-in rule are warnings.
 */
export function jurisdictionFindings(config: LintedConfig): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  const rules = config.jurisdictions?.rules ?? [];
  const ukRules = rules.filter((r) => r.model === "uk-exemptions");
  const exempt = config.categories
    .map((category, i) => ({ category, i }))
    .filter(({ category }) => category.exemption);

  if (exempt.length && !ukRules.length)
    for (const { category, i } of exempt)
      findings.push({
        severity: "warning",
        rule: "exemption-without-uk-rule",
        field: `categories.${i}.exemption`,
        why: `"${category.id}" claims the UK ${category.exemption} exemption, but no rule uses the uk-exemptions model: it is asked for like any other category.`,
        guidance: GUIDANCE.icoStatistics,
      });

  if (ukRules.length)
    config.services.forEach((service, s) => {
      const category = config.categories.find((c) => c.id === service.category);
      if (!category?.exemption) return;
      const result = ukQualification(service);
      if (!result.qualifies)
        findings.push({
          severity: "error",
          rule: "uk-exemption-not-qualifying",
          field: `services.${s}.category`,
          why: `"${service.id}" cannot run without consent under the UK ${category.exemption} exemption: ${result.why}. File it under a category that asks first.`,
          guidance: GUIDANCE.icoStatistics,
        });
      else if (
        !service.purposes?.some((p) => EXEMPT_PURPOSES[category.exemption ?? ""]?.includes(p))
      )
        findings.push({
          severity: "warning",
          rule: "uk-exemption-purpose",
          field: `services.${s}.purposes`,
          why: `"${service.id}" is not declared for ${EXEMPT_PURPOSES[category.exemption ?? ""]?.join(" or ")}: the ${category.exemption} exemption covers only that purpose.`,
          guidance: GUIDANCE.duaa,
        });
    });

  if (exempt.length)
    for (const rule of ukRules) {
      const r = rules.indexOf(rule);
      const languages = new Set([
        config.defaultLanguage ?? "en",
        ...Object.keys(config.texts),
        ...Object.keys(rule.texts ?? {}),
      ]);
      for (const language of languages)
        for (const key of OBJECTION_TEXT_KEYS) {
          const own = rule.texts?.[language]?.[key] ?? config.texts[language]?.[key];
          const builtIn = RULE_TEXT_LANGUAGES.includes(base(language))
            ? RULE_TEXTS[key]
            : undefined;
          if ((own ?? builtIn)?.trim()) continue;
          findings.push({
            severity: "error",
            rule: "uk-object-text-required",
            field: `jurisdictions.rules.${r}.texts.${language}.${key}`,
            why: `Visitors reading ${language} need the ${key === "object" ? "Object control's label" : "information about what runs without asking"}: the UK exemptions hold only with clear information and a simple, free way to object.`,
            guidance: GUIDANCE.duaa,
          });
        }
    }

  const otherwise = rules.find((r) => r.id === config.jurisdictions?.otherwise);
  if (otherwise && otherwise.model !== "opt-in")
    findings.push({
      severity: "warning",
      rule: "unknown-location-not-strictest",
      field: "jurisdictions.otherwise",
      why: `Visitors no rule names, and those whose location is unknown (no trusted proxy, a VPN), get "${otherwise.id}" (${otherwise.model}) instead of opt-in: an EU or UK visitor the proxy could not place would be tracked before choosing.`,
      guidance: GUIDANCE.edpbTaskforce,
    });
  return findings;
}
