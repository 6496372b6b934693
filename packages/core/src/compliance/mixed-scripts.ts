import { CONTROL_TEXT_KEYS } from "../config-guards";
import { textSets } from "../text-sets";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import type { LintedConfig } from "./linted-config";

/**
 * Alphabets whose letters pass for one another's (a Cyrillic "а", a Greek "ο", a Coptic "ⲣ", a
 * Cherokee "Ꭺ"). A word is written in one of them; one that mixes them is written to look like
 * what it does not say.
 */
const ALPHABETS = [
  "Latin",
  "Greek",
  "Cyrillic",
  "Armenian",
  "Georgian",
  "Coptic",
  "Cherokee",
  "Lisu",
  "Canadian_Aboriginal",
].map((name) => ({ name, letter: new RegExp(`\\p{Script=${name}}`, "u") }));

/**
 * The first word of `text` whose letters come from two of the alphabets, with them, if any:
 * marks, digits and signs belong to none ("naïve", "5 µm"), and words in one alphabet each may
 * stand side by side ("Google-аналитика").
 * @example mixedWord("\u0410ccept all") // { word: "Аccept", alphabets: ["Cyrillic", "Latin"] }
 */
export function mixedWord(text: string): { word: string; alphabets: string[] } | undefined {
  for (const [word] of text.matchAll(/[\p{L}\p{M}]+/gu)) {
    const scripts = new Set<string>();
    for (const ch of word) {
      const alphabet = ALPHABETS.find((a) => a.letter.test(ch));
      if (alphabet) scripts.add(alphabet.name);
    }
    if (scripts.size > 1) return { word, alphabets: [...scripts] };
  }
  return undefined;
}

/** Whether a text key is a label: a control's, or a category's. */
const isLabel = (key: string) => CONTROL_TEXT_KEYS.includes(key) || /^category\.[^.]+$/.test(key);

/**
 * A word mixing alphabets ("\u0410ccept" with a Cyrillic A, "Acce\u2CA3t" with a Coptic ro):
 * the visitor reads one word, the wording rules another, and no table of look-alike letters is
 * complete (`normalize` folds the known ones). On a label (a control's or a category's), which
 * the rules read to tell what a choice does, it is an error; in another text or a service's
 * name, provider or purpose, a warning.
 */
export function mixedScriptFindings(config: LintedConfig): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  const check = (raw: string, field: string, label: boolean) => {
    const mixed = mixedWord(raw);
    if (mixed)
      findings.push({
        severity: label ? "error" : "warning",
        rule: "text-mixed-scripts",
        field,
        why: `"${mixed.word}" in "${raw}" mixes ${mixed.alphabets.join(" and ")} letters: it looks like one word to visitors and reads as another to the checks. Write each word in one alphabet.`,
        guidance: GUIDANCE.edpbDeceptiveDesign,
      });
  };
  for (const { path, texts: set } of textSets(config))
    for (const [language, texts] of Object.entries(set))
      for (const [key, raw] of Object.entries(texts))
        check(raw, `${path.join(".")}.${language}.${key}`, isLabel(key));
  config.services.forEach((service, i) => {
    for (const what of ["name", "provider", "purpose"] as const) {
      const raw = service[what];
      if (raw) check(raw, `services.${i}.${what}`, false);
    }
  });
  return findings;
}
