import { LANGUAGES } from "../languages";
import { builtInLanguage } from "./dictionaries";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import type { LintedConfig } from "./linted-config";

/**
 * A default language the banner does not speak (`cs`, `hu`): the banner shows one of its own
 * languages to every visitor, so the site's texts in that language are shown only where a text
 * is missing in the visitor's (its own categories' labels and descriptions), unread by the
 * checks that need a dictionary of the language ("Nezbytné", necessary, on a category the
 * visitor can refuse). A regional tag of a spoken language (`fr-CA`) is fine.
 */
export function defaultLanguageFindings(config: LintedConfig): ComplianceFinding[] {
  const language = config.defaultLanguage;
  if (!language || builtInLanguage(language)) return [];
  return [
    {
      severity: "error",
      rule: "default-language-not-spoken",
      field: "defaultLanguage",
      why: `The banner does not speak "${language}": choose one of its languages (${LANGUAGES.join(", ")}) as the default, so that what every visitor may be shown in it is the banner's own language and is checked.`,
      guidance: GUIDANCE.edpbTaskforce,
    },
  ];
}
