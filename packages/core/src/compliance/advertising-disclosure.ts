import { NECESSARY } from "../categories";
import { DEFAULT_CATEGORY_PURPOSES } from "../purposes";
import { catalogueEntry } from "../services";
import { textSets } from "../text-sets";
import { builtInLanguage, dictionariesFor } from "./dictionaries";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import type { LintedConfig } from "./linted-config";
import { mentions, normalize } from "./text-match";

/**
 * Whether purposes are advertising's: `advertising`, or `sale-or-share` for its own sake (a
 * social button that also shares is `functional` too: its content is what the visitor sees).
 */
const forAdvertising = (purposes: readonly string[] = []) =>
  purposes.includes("advertising") ||
  (purposes.includes("sale-or-share") && !purposes.includes("functional"));

/**
 * The services a visitor may allow that are used for advertising: by their own purposes (else
 * the catalogue's), Google Analytics with Signals and advertising features declared on, and
 * every service under a category for advertising (one declaring it, and the built-in marketing
 * whatever it declares: its label says advertising).
 */
function advertisers(config: LintedConfig): string[] {
  const adCategories = new Set(
    config.categories
      .filter((c) => forAdvertising(c.purposes) || forAdvertising(DEFAULT_CATEGORY_PURPOSES[c.id]))
      .map((c) => c.id),
  );
  return config.services
    .filter(
      (s) =>
        s.category !== NECESSARY &&
        (forAdvertising(s.purposes ?? catalogueEntry(s.id)?.purposes) ||
          s.advertisingFeatures === true ||
          adCategories.has(s.category)),
    )
    .map((s) => s.id);
}

/**
 * A first layer whose description, in a language the banner speaks, never names advertising
 * (with its title, in that language's words or English's) while the site lists a service used
 * for it: "We use cookies to improve your experience" beside the Meta pixel. The first layer
 * shows no categories, so a visitor who accepts there consents to purposes they were never
 * told; consent is informed only if each purpose is named where it is asked for (EDPB
 * guidelines 05/2020 §3.3, CNIL). Naming no purpose at all hides it as well. The built-in
 * description names advertising in every language; a blank one shows it.
 */
export function advertisingDisclosureFindings(config: LintedConfig): ComplianceFinding[] {
  const listed = advertisers(config);
  if (!listed.length) return [];
  const findings: ComplianceFinding[] = [];
  for (const { path, texts: set } of textSets(config))
    for (const [language, texts] of Object.entries(set)) {
      const description = texts.description;
      if (!description?.trim() || !builtInLanguage(language)) continue;
      // A rule's texts are shown over the site's: its title may be the site's.
      const title = texts.title ?? config.texts[language]?.title ?? "";
      const shown = normalize(`${title} | ${description}`);
      const named = dictionariesFor(language)
        .flatMap((d) => d.advertising)
        .some((word) => mentions(shown, normalize(word)));
      if (named) continue;
      findings.push({
        severity: "error",
        rule: "description-hides-advertising",
        field: `${path.join(".")}.${language}.description`,
        why: `The banner's description "${description}" never says advertising, but ${listed.join(", ")} ${listed.length > 1 ? "are" : "is"} used for it: visitors accepting on the first layer would not know they allow advertising. Name it ("to measure and personalise advertising").`,
        guidance: GUIDANCE.edpbConsent,
      });
    }
  return findings;
}
