import { NECESSARY } from "../categories";
import { LANGUAGES } from "../languages";
import { catalogueEntry } from "../services";
import { textSets } from "../text-sets";
import { WORDING, type WordingDictionary } from "./dictionaries";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import type { LintedConfig } from "./linted-config";
import { mentions, normalize } from "./text-match";

/** One kind of words in every language the banner speaks, from their dictionaries. */
const everyLanguage = (pick: (d: WordingDictionary) => readonly string[]) => [
  ...new Set(LANGUAGES.flatMap((language) => pick(WORDING[language]).map(normalize))),
];

/**
 * What each built-in category is called and for, in words a label for it would use: English (the
 * language sites paste into every other), then the banner's other main languages (German,
 * French, Spanish, Italian, Dutch, Polish, Portuguese, the Nordic ones), as word beginnings
 * ("personalis" is "personalised"), accents ignored.
 */
const BUILT_IN_WORDS: Readonly<Record<string, readonly string[]>> = {
  preferences: [
    "preference",
    "setting",
    "functional",
    "functionality",
    "personalis",
    "personaliz",
    "einstellung",
    "praferenz",
    "preferenc",
    "preferenz",
    "parametre",
    "voorkeur",
    "ustawieni",
    "preferencj",
    "funktional",
    "fonctionnel",
    "funcional",
    "funzional",
    "functioneel",
    "funkcjonal",
  ],
  analytics: [
    "analytic",
    "statistic",
    "measurement",
    "performance",
    "audience measurement",
    "statistik",
    "besucherstatistik",
    "statistique",
    "estadistic",
    "statistich",
    "statistiek",
    "statystyk",
    "estatistic",
    "analyse",
    "analisi",
    "analiz",
    "mesure d'audience",
    "reichweitenmessung",
  ],
  marketing: everyLanguage((d) => d.advertising),
  embeds: everyLanguage((d) => d.embeddedContent),
};

const FOR_ADVERTISING = ["advertising", "sale-or-share"];

/**
 * Words a description may use of any category: advertising is personalised too ("Werbung
 * messen und personalisieren" describes the built-in marketing in German), so a description
 * saying "personalised" is not in preferences' words.
 */
const ANY_DESCRIPTION = new Set(["personalis", "personaliz"]);

/**
 * The built-in category whose words a category's texts must use: its own for a built-in one, and
 * marketing's for a site's own category for advertising (it, or a service under it, declares
 * `advertising` or `sale-or-share`); none for the others, whose words are the site's to choose.
 */
function wordsOf(config: LintedConfig, id: string): string | null {
  if (BUILT_IN_WORDS[id]) return id;
  if (id === NECESSARY) return null;
  const category = config.categories.find((c) => c.id === id);
  const ads =
    category?.purposes?.some((p) => FOR_ADVERTISING.includes(p)) ||
    config.services.some(
      (s) =>
        s.category === id &&
        (s.purposes ?? catalogueEntry(s.id)?.purposes ?? []).some((p) =>
          FOR_ADVERTISING.includes(p),
        ),
    );
  return ads ? "marketing" : null;
}

/**
 * A category's label or description in another built-in category's words and none of its own:
 * "Site preferences" on `marketing`, which holds the Meta pixel, or "Visit statistics" on a
 * category of the site's own for advertising. The built-in categories keep the meaning of their
 * built-in labels (GPC, Consent Mode and the linter read them so), a category for advertising
 * must say so, and a visitor allowing "preferences" or "statistics" would not know they allowed
 * advertising. A text in other words ("Partners", "Third-party content") is the site's to
 * choose.
 */
export function categoryLabelFindings(config: LintedConfig): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  const checked = config.categories.flatMap((c) => {
    const as = wordsOf(config, c.id);
    return as ? [{ id: c.id, as }] : [];
  });
  for (const { path, texts: set } of textSets(config))
    for (const [language, texts] of Object.entries(set))
      for (const { id, as } of checked)
        for (const key of [`category.${id}`, `category.${id}.description`]) {
          const raw = texts[key];
          if (!raw) continue;
          const text = normalize(raw);
          const description = key.endsWith(".description");
          const says = (list: readonly string[]) =>
            list.some((w) => !(description && ANY_DESCRIPTION.has(w)) && mentions(text, w));
          const other = Object.keys(BUILT_IN_WORDS).find(
            (o) => o !== as && says(BUILT_IN_WORDS[o] ?? []),
          );
          if (!other || says(BUILT_IN_WORDS[as] ?? [])) continue;
          const what = description ? "described" : "labelled";
          findings.push({
            severity: "error",
            rule: "category-label-contradicts",
            field: `${path.join(".")}.${language}.${key}`,
            why:
              as === id
                ? `"${id}" is ${what} "${raw}", in the words of "${other}": visitors would allow ${id} thinking it is ${other}. Say what it holds.`
                : `"${id}" is for advertising but ${what} "${raw}", in the words of "${other}": visitors would allow advertising thinking it is ${other}. Say that it is for advertising.`,
            guidance: GUIDANCE.edpbTaskforce,
          });
        }
  return findings;
}
