import { dictionariesFor } from "./dictionaries";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import { mentions, normalize } from "./text-match";

/** The controls a visitor chooses with. */
const CHOICES = new Set([
  "acceptAll",
  "rejectAll",
  "save",
  "manage",
  "object",
  "optOut",
  "embed.loadOnce",
  "embed.alwaysAllow",
]);

/**
 * A choice's label that pushes one answer: "Accept all (recommended)", "Accept for the best
 * experience", or shames the other, "No thanks, I prefer a broken site". Consent steered so is
 * not freely given, and refusing must be as easy as accepting, in words too (EDPB taskforce;
 * CNIL). Read with the language's `nudges` and `pressure` ("Reject (are you sure?)"), and
 * English's.
 */
export function nudgeFindings(
  language: string,
  key: string,
  raw: string,
  field: string,
): ComplianceFinding[] {
  if (!CHOICES.has(key)) return [];
  const text = normalize(raw);
  const nudge = dictionariesFor(language)
    .flatMap((d) => [...d.nudges, ...d.pressure])
    .find((phrase) => mentions(text, normalize(phrase)));
  if (!nudge) return [];
  return [
    {
      severity: "error",
      rule: "label-nudges",
      field,
      why: `The "${key}" control reads "${raw}": "${nudge}" pushes visitors towards one answer or shames the other. Label each choice for what it does and nothing more, so that consent is freely given.`,
      guidance: GUIDANCE.edpbTaskforce,
    },
  ];
}
