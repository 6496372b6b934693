import { NECESSARY } from "../categories";
import { isLanguage } from "../languages";
import { textSets } from "../text-sets";
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

/** The texts that inform the choice: the banner's title and description, the preference centre's introduction, the categories' labels and descriptions. */
const INFORMS = /^(?:title|description|preferencesIntro|category\..+)$/;

/**
 * Deceptive wording, in every language the site or one of its rules writes texts for: a reject
 * button labelled as an acceptance ("OK", "I accept", "Yes, I agree") unless it limits what it
 * accepts ("Continue without accepting", "Accept only necessary cookies"), an accept button
 * labelled as a refusal or a way out ("Reject all", "No thanks", "Close"), consent implied by
 * browsing ("by continuing to use this site you consent"), a refusable category labelled or
 * described as necessary, and legitimate interest claimed for cookies.
 */
export function wordingFindings(config: LintedConfig): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  const refusable = new Set(config.categories.filter((c) => c.id !== NECESSARY).map((c) => c.id));
  for (const set of textSets(config))
    for (const [language, texts] of Object.entries(set.texts))
      findings.push(
        ...languageFindings(language, texts, `${set.path.join(".")}.${language}`, refusable),
      );
  return findings;
}

function languageFindings(
  language: string,
  texts: Record<string, string>,
  path: string,
  refusable: ReadonlySet<string>,
): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  const dicts = dictionariesFor(language);
  const accept = any(dicts, (d) => d.acceptLabels);
  const refuse = any(dicts, (d) => d.refuseLabels);
  const close = any(dicts, (d) => d.closeLabels);
  const implied = any(dicts, (d) => d.impliedConsent);
  const claims = any(dicts, (d) => d.necessaryClaims);
  const limits = [...refuse, ...claims, ...any(dicts, (d) => d.limiters)];
  const interest = any(dicts, (d) => d.legitimateInterest);
  const says = (text: string, phrases: readonly string[]) =>
    phrases.some((phrase) => mentions(text, phrase));
  for (const [key, raw] of Object.entries(texts)) {
    const text = normalize(raw);
    const field = `${path}.${key}`;
    if (
      key === "rejectAll" &&
      (saysExactly(text, accept) || (says(text, accept) && !says(text, limits)))
    )
      findings.push({
        severity: "error",
        rule: "reject-label-means-accept",
        field,
        why: `The reject button reads "${raw}", which a visitor takes for agreement: refusing must be as clear as accepting.`,
        guidance: GUIDANCE.edpbTaskforce,
      });
    if (key === "acceptAll" && saysExactly(text, [...refuse, ...close]))
      findings.push({
        severity: "error",
        rule: "accept-label-means-refuse",
        field,
        why: `The accept button reads "${raw}", which a visitor takes for a refusal or a way out: consent must be an unambiguous act, so the button that gives it must say so.`,
        guidance: GUIDANCE.edpbTaskforce,
      });
    if (INFORMS.test(key) && raw.trim() && !/[\p{L}\p{N}]/u.test(raw))
      findings.push({
        severity: "error",
        rule: "text-without-words",
        field,
        why: `"${raw}" says nothing: what the banner and its categories tell visitors is what makes their choice informed (a blank text shows the built-in one).`,
        guidance: GUIDANCE.ico,
      });
    if (says(text, implied))
      findings.push({
        severity: "error",
        rule: "consent-by-continuing",
        field,
        why: "Consent cannot be implied by browsing on: only a clear choice on the banner counts.",
        guidance: GUIDANCE.ico,
      });
    const category = /^category\.([^.]+)(?:\.description)?$/.exec(key)?.[1];
    if (category && refusable.has(category) && says(text, claims))
      findings.push({
        severity: "error",
        rule: "category-label-claims-necessary",
        field,
        why: `"${category}" can be refused, but its ${key.endsWith(".description") ? "description" : "label"} "${raw}" says it is necessary: visitors would not think to refuse it.`,
        guidance: GUIDANCE.edpbTaskforce,
      });
    if (says(text, interest))
      findings.push({
        severity: "warning",
        rule: "legitimate-interest-claim",
        field,
        why: "Legitimate interest is no ground for cookies or trackers that need consent; say so only to explain that you do not rely on it.",
        guidance: GUIDANCE.edpbTaskforce,
      });
  }
  return findings;
}
