/**
 * Matching banner texts against the wording dictionaries: case-, accent- and
 * apostrophe-insensitive, on word boundaries, and not when a negation comes right before
 * ("non-essential", "not necessary", "nicht notwendig").
 */

const NEGATIONS = new Set([
  "non",
  "not",
  "no",
  "un",
  "nicht",
  "kein",
  "pas",
  "niet",
  "geen",
  "nao",
  "nie",
  "inte",
  "ikke",
  "ddim",
]);

/** Lower case, without accents, with straight apostrophes and single spaces. */
export function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Whether `text` holds `phrase` starting on a word boundary, not negated (both normalized). */
export function mentions(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (isWordChar(text[at - 1])) continue;
    const before = text.slice(0, at).match(/([\p{L}]+)[\s-]*$/u)?.[1];
    if (before && NEGATIONS.has(before)) continue;
    return true;
  }
  return false;
}

const TAIL =
  /(?:\s+(?:all|all cookies|cookies|tout|tous|alle|alles|todo|todas|tutti|tutto|todos))$/;

/** Whether a button label says exactly one of `labels` (maybe with "all" or "cookies" after it). */
export function saysExactly(label: string, labels: readonly string[]): boolean {
  const bare = label
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return labels.includes(bare) || labels.includes(bare.replace(TAIL, ""));
}
