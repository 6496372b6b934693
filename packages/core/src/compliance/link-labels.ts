import { dictionariesFor } from "./dictionaries";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import { readLabel, words } from "./label-reading";
import { normalize, saysExactly } from "./text-match";

/**
 * Texts shown as a link or a button beside the banner's choices that decide nothing: the policy
 * links, a service's policy link, the floating button that reopens the settings, the preference
 * centre's close button (back to the banner, nothing saved), the US "Your Privacy Choices" link.
 */
const LINKS = new Set([
  "privacyPolicy",
  "cookiePolicy",
  "serviceprivacy",
  "floatingButton",
  "close",
  "privacyChoices",
]);

/** Links that lead to a refusal, which may say so: the US link opens the opt-out. */
const LEADS_TO_REFUSAL = new Set(["privacyChoices"]);

/**
 * A link or a button that decides nothing, labelled as a choice: "Reject all" on the privacy
 * policy link beside the real buttons, "OK" on the close button. A visitor clicking it believes
 * they refused (or accepted) and did not: a decoy (EDPB taskforce, deceptive link design).
 *
 * It reads as a refusal when it says no anywhere (not negated: "Don't reject"), and as a yes when
 * a clause of it starts with one ("Accept all", "Privacy policy · OK") or it is exactly one; a yes
 * word inside other words is not one ("Withdraw consent", "Consent settings").
 */
export function linkLabelFindings(
  language: string,
  key: string,
  raw: string,
  field: string,
): ComplianceFinding[] {
  if (!LINKS.has(key)) return [];
  const reading = readLabel(raw, language);
  const accepts = dictionariesFor(language).flatMap((d) => d.acceptLabels.map(words));
  const clauses = words(raw)
    .join(" ")
    .split("|")
    .map((c) => c.trim().split(" "));
  const startsYes = clauses.some(
    (c) => !reading.manages && accepts.some((p) => p.length && p.every((w, k) => c[k] === w)),
  );
  const yes =
    saysExactly(
      normalize(raw),
      dictionariesFor(language).flatMap((d) => d.acceptLabels.map(normalize)),
    ) ||
    (reading.accepts && startsYes);
  const no = !LEADS_TO_REFUSAL.has(key) && (reading.refuses || reading.acceptsLimited);
  if (!yes && !no) return [];
  return [
    {
      severity: "error",
      rule: "link-label-means-choice",
      field,
      why: `"${key}" reads "${raw}", which a visitor takes for ${yes ? "agreement" : "a refusal"}, but it decides nothing: a link or button beside the choices must not pass for one of them.`,
      guidance: GUIDANCE.edpbTaskforce,
    },
  ];
}
