import { builtInLanguage, dictionariesFor } from "./dictionaries";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import { readLabel } from "./label-reading";
import { normalize, saysExactly } from "./text-match";

/** Controls that refuse or object: a visitor looking for the way to say no looks for these. */
const REFUSING = new Set(["rejectAll", "object", "optOut"]);

/** Controls that grant consent: to everything, to the visitor's selection, to an embed. */
const GRANTING = new Set(["acceptAll", "save", "embed.loadOnce", "embed.alwaysAllow"]);

/**
 * The words California requires of the US opt-out controls (CCPA regulations §§ 7013, 7015), in
 * English and in Spanish, the language the banner speaks that US businesses most often give
 * their notices in too (§ 7003(a): notices in the languages the business ordinarily uses): the
 * link says "Do Not Sell or Share My Personal Information" ("No vender ni compartir mi
 * información personal"), the alternative link "Your Privacy Choices" ("Sus opciones de
 * privacidad").
 */
const US_LABELS: Readonly<Record<string, Record<string, { words: RegExp; say: string }>>> = {
  en: {
    optOut: {
      words: /\bdo(?:\s+not|n['’]t)\s+(?:sell|share)\b/,
      say: '"Do Not Sell or Share My Personal Information"',
    },
    privacyChoices: {
      words: /\bprivacy\s+choices\b/,
      say: '"Your Privacy Choices" (or "Your California Privacy Choices")',
    },
  },
  es: {
    optOut: {
      words: /\bno\s+(?:vender|compartir|venda|comparta)\b/,
      say: '"No vender ni compartir mi información personal"',
    },
    privacyChoices: {
      words: /\bopciones\s+de\s+privacidad\b/,
      say: '"Sus opciones de privacidad"',
    },
  },
};

/** Granting controls whose label must say yes in so many words, in a language the banner speaks. */
const MUST_SAY_YES = new Set(["acceptAll", "save", "embed.alwaysAllow"]);

/**
 * The label findings of one text in one language, at `field`: every control says what it does,
 * and nothing else, to a visitor reading it.
 *
 * - A refusing control (`rejectAll`, `object`, `optOut`) labelled as a yes ("OK", "Accept all",
 *   "Only accept all", "Accept all without limits"): `reject-label-means-accept`. A yes limited
 *   to what needs no consent is no yes ("Accept only necessary cookies", "Accept selected",
 *   "Continue without accepting"), nor an acknowledgement leading into a refusal ("OK, reject
 *   all"). `rejectAll` must also read as a refusal (`reject-label-unclear`: "More options"),
 *   `object` as an objection or a refusal (`object-label-unclear`).
 * - A granting control (`acceptAll`, `save`, an embed's `embed.loadOnce` and
 *   `embed.alwaysAllow`) labelled as a refusal, a way out, a way to the settings or a limited
 *   yes ("Reject all", "Close", "Manage preferences", "Accept only necessary"):
 *   `accept-label-means-refuse`; `acceptAll`, `save` and `embed.alwaysAllow` must also say yes
 *   (or, for `save`, save): `accept-label-unclear`.
 * - `manage` labelled as a yes or a no ("Reject all"): `manage-label-means-choice`.
 * - In English and Spanish, the US opt-out controls (`optOut`, `privacyChoices`) without the
 *   words the law gives them ("Learn more", "Más información"): `us-opt-out-label`.
 *
 * The "must read as" checks need the language's dictionary, so they apply only in the languages
 * the banner speaks; the others apply everywhere, with English's dictionary at least.
 */
export function labelFindings(
  language: string,
  key: string,
  raw: string,
  field: string,
): ComplianceFinding[] {
  const us = US_LABELS[language.toLowerCase().split("-")[0] ?? ""]?.[key];
  const usFindings: ComplianceFinding[] =
    us && !us.words.test(normalize(raw))
      ? [
          {
            severity: "error",
            rule: "us-opt-out-label",
            field,
            why: `The "${key}" control reads "${raw}": California requires it to say ${us.say}, so that a visitor can find the way to opt out.`,
            guidance: GUIDANCE.ccpaGpc,
          },
        ]
      : [];
  if (!REFUSING.has(key) && !GRANTING.has(key) && key !== "manage") return usFindings;
  const text = normalize(raw);
  const reading = readLabel(raw, language);
  const spoken = builtInLanguage(language) !== null;
  const finding = (rule: ComplianceFinding["rule"], why: string): ComplianceFinding[] => [
    { severity: "error", rule, field, why, guidance: GUIDANCE.edpbTaskforce },
  ];
  const phrases = (pick: "acceptLabels" | "refuseLabels" | "closeLabels") =>
    dictionariesFor(language).flatMap((d) => d[pick].map(normalize));

  if (REFUSING.has(key)) {
    if (saysExactly(text, phrases("acceptLabels")) || reading.accepts)
      return finding(
        "reject-label-means-accept",
        `The ${key === "rejectAll" ? "reject button" : `"${key}" control`} reads "${raw}", which a visitor takes for agreement: refusing must be as clear as accepting.`,
      );
    if (key === "object" && spoken && raw.trim() && !reading.refuses && !reading.objects)
      return finding(
        "object-label-unclear",
        `The Object control reads "${raw}", which does not say that it objects or refuses: the UK exemptions hold only with a simple, free way to object that a visitor can recognise.`,
      );
    if (
      key === "rejectAll" &&
      spoken &&
      !reading.refuses &&
      !reading.acceptsLimited &&
      !reading.claimsNecessary
    )
      return finding(
        "reject-label-unclear",
        `The reject button reads "${raw}", which does not say no: a visitor must see the way to refuse on the first layer, labelled as plainly as the way to accept.`,
      );
    return usFindings;
  }

  if (GRANTING.has(key)) {
    const other =
      (key === "acceptAll" &&
        saysExactly(text, [...phrases("refuseLabels"), ...phrases("closeLabels")])) ||
      reading.refuses ||
      ((reading.manages || reading.closes) && !reading.accepts && !reading.saves) ||
      (key !== "save" && reading.acceptsLimited && !reading.accepts);
    if (other)
      return finding(
        "accept-label-means-refuse",
        `The ${key === "acceptAll" ? "accept button" : `"${key}" control`} reads "${raw}", which a visitor takes for a refusal, a way out or a way to the settings, but it gives consent: consent must be an unambiguous act, so the control that gives it must say so.`,
      );
    const saysYes =
      reading.accepts || (key === "save" && (reading.saves || reading.acceptsLimited));
    if (MUST_SAY_YES.has(key) && spoken && !saysYes)
      return finding(
        "accept-label-unclear",
        `The ${key === "acceptAll" ? "accept button" : `"${key}" control`} reads "${raw}", which does not say that it gives consent: a visitor must know that this is the control that allows${key === "save" ? " (or saves) their choices" : ""}.`,
      );
    return [];
  }

  if (reading.accepts || reading.refuses || reading.acceptsLimited)
    return finding(
      "manage-label-means-choice",
      `The button that opens the preference centre reads "${raw}", which a visitor takes for ${reading.refuses || reading.acceptsLimited ? "a refusal" : "agreement"}: it decides nothing, so it must not say yes or no.`,
    );
  return [];
}
