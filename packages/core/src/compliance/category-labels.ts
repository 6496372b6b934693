import { textSets } from "../text-sets";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import type { LintedConfig } from "./linted-config";
import { mentions, normalize } from "./text-match";

/**
 * What each built-in category is called and for, in words a label for it would use (English, the
 * language sites paste into every other; word beginnings: "personalis" is "personalised").
 */
const BUILT_IN_WORDS: Readonly<Record<string, readonly string[]>> = {
  preferences: ["preference", "setting", "functional", "functionality", "personalis", "personaliz"],
  analytics: ["analytic", "statistic", "measurement", "performance", "audience measurement"],
  marketing: ["marketing", "advertis", "ads", "targeting", "retargeting", "remarketing"],
  embeds: ["embed", "video", "social media", "map", "content from"],
};

/**
 * A built-in category relabelled with another one's words and none of its own ("Site
 * preferences" on `marketing`, which holds the Meta pixel): the categories keep the meaning of
 * their built-in labels (GPC, Consent Mode and the linter read them so), and a visitor allowing
 * "preferences" would not know they allowed advertising. A label in other words ("Partners",
 * "Third-party content") is the site's to choose.
 */
export function categoryLabelFindings(config: LintedConfig): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  const present = new Set(config.categories.map((c) => c.id));
  for (const { path, texts: set } of textSets(config))
    for (const [language, texts] of Object.entries(set))
      for (const [id, own] of Object.entries(BUILT_IN_WORDS)) {
        const raw = texts[`category.${id}`];
        if (!raw || !present.has(id)) continue;
        const label = normalize(raw);
        const says = (list: readonly string[]) => list.some((w) => mentions(label, w));
        const other = Object.keys(BUILT_IN_WORDS).find(
          (o) => o !== id && says(BUILT_IN_WORDS[o] ?? []),
        );
        if (other && !says(own))
          findings.push({
            severity: "error",
            rule: "category-label-contradicts",
            field: `${path.join(".")}.${language}.category.${id}`,
            why: `"${id}" is labelled "${raw}", in the words of "${other}": visitors would allow ${id} thinking it is ${other}. Label it for what it holds.`,
            guidance: GUIDANCE.edpbTaskforce,
          });
      }
  return findings;
}
