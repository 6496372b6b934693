import { NECESSARY } from "../categories";
import { textSets } from "../text-sets";
import { hasVisibleWord } from "../visible-text";
import { dictionariesFor, type WordingDictionary } from "./dictionaries";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import { words } from "./label-reading";
import { labelFindings } from "./labels";
import { linkLabelFindings } from "./link-labels";
import type { LintedConfig } from "./linted-config";
import { nudgeFindings } from "./nudges";
import { pressureFindings } from "./pressure";
import { mentions, normalize } from "./text-match";

const any = (dicts: WordingDictionary[], pick: (d: WordingDictionary) => readonly string[]) =>
  dicts.flatMap(pick).map(normalize);

/**
 * The texts that inform the choice: the banner's title and description, the preference centre's
 * introduction, the note shown to a visitor whose browser sends Global Privacy Control (`gpc`,
 * `gpcHonoured`), the categories' labels and descriptions.
 */
const INFORMS = /^(?:title|description|preferencesIntro|objectInfo|gpc|gpcHonoured|category\..+)$/;

/**
 * The texts that say what the site does overall: a claim to use only the necessary there is a
 * claim about every category. The GPC notes (`gpc` on the preference centre, `gpcHonoured` on the
 * first layer, under any rule) and the US `optOutHonoured` are among them: a signal or an opt-out
 * turns off only advertising and sale-or-share, and what else the site lists still runs once
 * allowed.
 */
const SUMMARIES =
  /^(?:title|description|preferencesIntro|reconsent|objectInfo|gpc|gpcHonoured|optOutHonoured)$/;

/** What the configuration runs that the wording must not deny. */
interface Scope {
  /** Categories the visitor can refuse. */
  refusable: ReadonlySet<string>;
  /** Whether anything outside `necessary` is listed (a claim of "only essential cookies" is then false). */
  tracks: boolean;
}

/**
 * Deceptive wording, in every language the site or one of its rules writes texts for: a control
 * labelled as something it does not do (`labelFindings`), consent implied by browsing ("by
 * continuing to use this site you consent"), a refusable category labelled or described as
 * necessary, a claim that the site uses only what is necessary while it lists more, and
 * legitimate interest claimed for cookies.
 */
export function wordingFindings(config: LintedConfig): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  const scope: Scope = {
    refusable: new Set(config.categories.filter((c) => c.id !== NECESSARY).map((c) => c.id)),
    tracks: config.services.some((s) => s.category !== NECESSARY),
  };
  for (const set of textSets(config))
    for (const [language, texts] of Object.entries(set.texts))
      findings.push(
        ...languageFindings(language, texts, `${set.path.join(".")}.${language}`, scope),
      );
  return findings;
}

/** Whether one of `phrases` (whole words) stands in `text`'s words. */
const hasWords = (text: readonly string[], phrases: readonly string[][]) =>
  text.some((_, i) => phrases.some((p) => p.length > 0 && p.every((w, k) => text[i + k] === w)));

/** Whether a sentence of `raw` claims only the necessary without making it a condition. */
function claimsOnlyNecessary(raw: string, dicts: WordingDictionary[]): boolean {
  const claims = any(dicts, (d) => d.onlyNecessaryClaims);
  const conditions = dicts.flatMap((d) => d.conditions).map(words);
  return raw
    .split(/[.!?;:\n]+/)
    .some(
      (sentence) =>
        claims.some((c) => mentions(normalize(sentence), c)) &&
        !hasWords(words(sentence), conditions),
    );
}

function languageFindings(
  language: string,
  texts: Record<string, string>,
  path: string,
  scope: Scope,
): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  const dicts = dictionariesFor(language);
  const implied = any(dicts, (d) => d.impliedConsent);
  const claims = any(dicts, (d) => d.necessaryClaims);
  const interest = any(dicts, (d) => d.legitimateInterest);
  const says = (text: string, phrases: readonly string[]) =>
    phrases.some((phrase) => mentions(text, phrase));
  for (const [key, raw] of Object.entries(texts)) {
    const text = normalize(raw);
    const field = `${path}.${key}`;
    findings.push(...labelFindings(language, key, raw, field));
    findings.push(...linkLabelFindings(language, key, raw, field));
    findings.push(...nudgeFindings(language, key, raw, field));
    findings.push(...pressureFindings(language, key, raw, field));
    if (INFORMS.test(key) && raw.trim() && !hasVisibleWord(raw))
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
    if (category && scope.refusable.has(category) && says(text, claims))
      findings.push({
        severity: "error",
        rule: "category-label-claims-necessary",
        field,
        why: `"${category}" can be refused, but its ${key.endsWith(".description") ? "description" : "label"} "${raw}" says it is necessary: visitors would not think to refuse it.`,
        guidance: GUIDANCE.edpbTaskforce,
      });
    if (scope.tracks && SUMMARIES.test(key) && claimsOnlyNecessary(raw, dicts))
      findings.push({
        severity: "error",
        rule: "description-claims-only-necessary",
        field,
        why: `"${raw}" tells visitors the site uses only what it needs to work (or no tracking), but it lists services that need consent: visitors would not think there is anything to refuse.`,
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
