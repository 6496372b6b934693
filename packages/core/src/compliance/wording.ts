import { NECESSARY } from "../categories";
import { isLanguage } from "../languages";
import { WORDING, type WordingDictionary } from "./dictionaries";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import type { LintedConfig } from "./linted-config";
import { mentions, normalize, saysExactly } from "./text-match";

/** The dictionaries a language's texts are checked against: its own, and English. */
function dictionariesFor(language: string): WordingDictionary[] {
  const base = language.toLowerCase().split("-")[0] ?? language;
  return isLanguage(base) && base !== "en" ? [WORDING[base], WORDING.en] : [WORDING.en];
}

const any = (dicts: WordingDictionary[], pick: (d: WordingDictionary) => readonly string[]) =>
  dicts.flatMap(pick).map(normalize);

/**
 * Deceptive wording, in every language the site writes texts for: a reject button labelled as
 * an acceptance ("OK", "Continue", "I like cookies"), consent implied by browsing ("by
 * continuing to use this site you consent"), a refusable category labelled as necessary, and
 * legitimate interest claimed for cookies.
 */
export function wordingFindings(config: LintedConfig): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  const refusable = new Set(config.categories.filter((c) => c.id !== NECESSARY).map((c) => c.id));
  for (const [language, texts] of Object.entries(config.texts)) {
    const dicts = dictionariesFor(language);
    const accept = any(dicts, (d) => d.acceptLabels);
    const implied = any(dicts, (d) => d.impliedConsent);
    const claims = any(dicts, (d) => d.necessaryClaims);
    const interest = any(dicts, (d) => d.legitimateInterest);
    for (const [key, raw] of Object.entries(texts)) {
      const text = normalize(raw);
      const field = `texts.${language}.${key}`;
      if (key === "rejectAll" && saysExactly(text, accept))
        findings.push({
          severity: "error",
          rule: "reject-label-means-accept",
          field,
          why: `The reject button reads "${raw}", which a visitor takes for agreement: refusing must be as clear as accepting.`,
          guidance: GUIDANCE.edpbTaskforce,
        });
      if (implied.some((phrase) => mentions(text, phrase)))
        findings.push({
          severity: "error",
          rule: "consent-by-continuing",
          field,
          why: "Consent cannot be implied by browsing on: only a clear choice on the banner counts.",
          guidance: GUIDANCE.ico,
        });
      const category = /^category\.([^.]+)$/.exec(key)?.[1];
      if (category && refusable.has(category) && claims.some((phrase) => mentions(text, phrase)))
        findings.push({
          severity: "error",
          rule: "category-label-claims-necessary",
          field,
          why: `"${category}" can be refused, but its label "${raw}" says it is necessary: visitors would not think to refuse it.`,
          guidance: GUIDANCE.edpbTaskforce,
        });
      if (interest.some((phrase) => mentions(text, phrase)))
        findings.push({
          severity: "warning",
          rule: "legitimate-interest-claim",
          field,
          why: "Legitimate interest is no ground for cookies or trackers that need consent; say so only to explain that you do not rely on it.",
          guidance: GUIDANCE.edpbTaskforce,
        });
    }
  }
  return findings;
}
