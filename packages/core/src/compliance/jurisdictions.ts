import {
  EEA_COUNTRIES,
  OBJECTION_TEXT_KEYS,
  type Qualification,
  REGION_GROUPS,
  ruleTexts,
  UK_COUNTRIES,
  ukQualification,
} from "../jurisdictions";
import { catalogueEntry } from "../services";
import { ENGLISH_TEXTS } from "../texts";
import { adVendor, trackerProvider } from "./classification";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import { readLabel } from "./label-reading";
import type { LintedConfig } from "./linted-config";
import { normalize } from "./text-match";

/** The purposes each UK exemption covers: statistics about use, or appearance and function. */
const EXEMPT_PURPOSES: Record<string, readonly string[]> = {
  statistics: ["analytics"],
  functionality: ["functional", "personalisation"],
};

/**
 * What the rules per region get wrong under the law they follow: a UK-exempt category holding a
 * service that does not qualify (advertising, Meta, a provider using the data for its own
 * purposes, Google Analytics with Signals or advertising features) is an error, as is a missing
 * objection text, as is a rule that runs anything before a choice for a region whose law needs
 * consent first (an EU or EEA country under anything but opt-in, the UK under opt-out), whether
 * the rule names it or is the rule for every country no rule names (`otherwise`); a service
 * outside its exemption's purpose and an exemption no UK rule uses are warnings. An unknown
 * location served by anything but an opt-in rule is an error: the visitor may be in the EU.
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
      // A site's own id hides what the catalogue knows of a tracker's provider.
      const known =
        !catalogueEntry(service.id) &&
        (trackerProvider(service.provider ?? "") ||
          adVendor(`${service.provider ?? ""} | ${service.name ?? ""}`));
      const result: Qualification = known
        ? {
            qualifies: false,
            why: `it comes from ${service.provider ?? service.name ?? known}, which uses what its tags collect for its own purposes: the exemption covers only statistics kept for the site (or its processor)`,
          }
        : ukQualification(service);
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
      for (const language of languages) {
        findings.push(...objectionLabelFindings(config, r, language));
        for (const key of OBJECTION_TEXT_KEYS) {
          const own = rule.texts?.[language]?.[key] ?? config.texts[language]?.[key];
          // Built in for every language the banner speaks; none for another (`ja`, `zh`).
          const builtIn = ruleTexts(language, rule.model)[key];
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
    }

  // The ePrivacy Directive (art. 5(3)) asks consent first everywhere in the EEA; PECR in the UK
  // too, but for its own exemptions. A rule may not run anything before a choice there.
  const eea = (country: string) => (EEA_COUNTRIES as readonly string[]).includes(country);
  const uk = (country: string) => (UK_COUNTRIES as readonly string[]).includes(country);
  rules.forEach((rule, r) => {
    if (rule.model === "opt-in") return;
    rule.regions.forEach((region, i) => {
      const country = region.slice(0, 2);
      const law =
        region === "EU" || region === "EEA" || (region !== "UK" && eea(country))
          ? "the EU's ePrivacy Directive (article 5(3))"
          : rule.model === "opt-out" && (region === "UK" || uk(country))
            ? "PECR regulation 6"
            : null;
      if (law)
        findings.push({
          severity: "error",
          rule: "region-needs-consent",
          field: `jurisdictions.rules.${r}.regions.${i}`,
          why: `"${rule.id}" (${rule.model}) would run trackers before a choice for visitors in ${region}, where ${law} requires consent first${law.startsWith("PECR") ? " (only the UK exemptions, under uk-exemptions, run without it)" : ""}.`,
          guidance: law.startsWith("PECR") ? GUIDANCE.ico : GUIDANCE.edpbTaskforce,
        });
    });
  });

  const otherwise = rules.find((r) => r.id === config.jurisdictions?.otherwise);
  // Countries no rule names get `otherwise`: under anything but opt-in, an EEA country left
  // unnamed would run trackers before a choice (and the UK too, under opt-out).
  const named = new Set(
    rules.flatMap((rule) => rule.regions.flatMap((region) => REGION_GROUPS[region] ?? [region])),
  );
  const needConsent =
    otherwise?.model === "opt-out"
      ? [...EEA_COUNTRIES, ...UK_COUNTRIES]
      : otherwise?.model === "uk-exemptions"
        ? [...EEA_COUNTRIES]
        : [];
  const unnamed = needConsent.filter((country) => !named.has(country));
  if (otherwise && unnamed.length)
    findings.push({
      severity: "error",
      rule: "region-needs-consent",
      field: "jurisdictions.otherwise",
      why: `"${otherwise.id}" (${otherwise.model}) applies to every country no rule names, which leaves ${unnamed.length > 3 ? `${unnamed.length} countries (${unnamed.slice(0, 3).join(", ")}, ...)` : unnamed.join(", ")} running trackers before a choice where the law asks consent first: name them in an opt-in rule${otherwise.model === "opt-out" && unnamed.some((c) => uk(c)) ? " (the UK may have a uk-exemptions rule)" : ""}, or make the rule for everyone else opt-in.`,
      guidance: GUIDANCE.edpbTaskforce,
    });
  if (otherwise && otherwise.model !== "opt-in")
    findings.push({
      severity: "error",
      rule: "unknown-location-not-strictest",
      field: "jurisdictions.otherwise",
      why: `Visitors no rule names, and every visitor whose location is unknown (without a trusted proxy that is every visitor; with one, a VPN or Tor), get "${otherwise.id}" (${otherwise.model}) instead of opt-in: an EU or UK visitor nobody could place would be tracked before choosing. Make the rule for everyone else opt-in; name the places where another model applies in rules of their own.`,
      guidance: GUIDANCE.edpbTaskforce,
    });
  return findings;
}

/**
 * Where a UK rule runs exempt categories before a choice, its visitors in `language` must tell
 * its two ways of saying no apart: **Reject all** refuses consent and leaves the exempt
 * statistics running, **Object** stops them too. A reject button that says it objects ("Object
 * to all", "Reject all and object") leaves running what the visitor believes stopped
 * (`reject-label-objects`); an Object control labelled exactly like the reject button gives no
 * way to tell which is which (`object-label-unclear`).
 */
function objectionLabelFindings(
  config: LintedConfig,
  r: number,
  language: string,
): ComplianceFinding[] {
  const rule = config.jurisdictions?.rules[r];
  if (!rule) return [];
  /** A text the rule's visitors read, with the field it comes from: the rule's own, else the site's. */
  const own = (key: string) => {
    const ruled = rule.texts?.[language]?.[key];
    if (ruled !== undefined)
      return { raw: ruled, field: `jurisdictions.rules.${r}.texts.${language}.${key}` };
    const site = config.texts[language]?.[key];
    return site === undefined ? undefined : { raw: site, field: `texts.${language}.${key}` };
  };
  const findings: ComplianceFinding[] = [];
  const reject = own("rejectAll");
  if (reject && readLabel(reject.raw, language).objects)
    findings.push({
      severity: "error",
      rule: "reject-label-objects",
      field: reject.field,
      why: `The reject button reads "${reject.raw}", but for visitors under "${rule.id}" it refuses consent only: the exempt statistics keep running until they press Object. Label it as a refusal of consent ("Reject all").`,
      guidance: GUIDANCE.duaa,
    });
  const object = own("object");
  const rejectShown =
    reject?.raw ??
    (language.toLowerCase().split("-")[0] === "en" ? ENGLISH_TEXTS.rejectAll : undefined);
  if (
    (object || reject) &&
    rejectShown !== undefined &&
    normalize(object?.raw ?? ruleTexts(language, rule.model).object ?? "") ===
      normalize(rejectShown)
  )
    findings.push({
      severity: "error",
      rule: "object-label-unclear",
      field: object?.field ?? reject?.field ?? `texts.${language}.rejectAll`,
      why: `The Object control and the reject button both read "${rejectShown}", but only Object stops what runs before a choice: a visitor cannot tell which is which.`,
      guidance: GUIDANCE.duaa,
    });
  return findings;
}
