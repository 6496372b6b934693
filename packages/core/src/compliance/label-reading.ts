/**
 * How a control's label reads to a visitor: as saying yes, no, close, manage or save, by the
 * wording dictionaries of its language and English, matched on whole words. A yes counts as
 * limited, not as accepting, only where words around it limit it to what needs no consent.
 */
import { builtInLanguage, dictionariesFor, type WordingDictionary } from "./dictionaries";
import { mentions, NEGATIONS, normalize } from "./text-match";

/** Where punctuation breaks a label's words into clauses ("OK, reject all"). */
const BREAK = "|";

/**
 * A text's words, normalized and in order: runs of letters and digits, each symbol on its own
 * (an emoji is a word), `|` where punctuation other than an apostrophe or a hyphen breaks the
 * clause. Apostrophes and hyphens split words ("j'accepte": `j`, `accepte`); dotted initials
 * join ("O.K.": `ok`).
 * @example words("OK, reject all!") // ["ok", "|", "reject", "all"]
 */
export function words(text: string): string[] {
  const joined = normalize(text).replace(
    /(?<![\p{L}\p{N}])(\p{L})\.(\p{L})(?![\p{L}\p{N}])\.?/gu,
    "$1$2",
  );
  const out: string[] = [];
  for (const [token] of joined.matchAll(/[\p{L}\p{N}]+|\p{S}|[^\s\p{L}\p{N}\p{S}'-]+/gu)) {
    const word = /^[\p{L}\p{N}\p{S}]/u.test(token) ? token : BREAK;
    if (word !== BREAK || (out.length && out.at(-1) !== BREAK)) out.push(word);
  }
  if (out.at(-1) === BREAK) out.pop();
  return out;
}

/** Whether `phrase`'s words stand in `text` from index `i`. */
const standsAt = (text: readonly string[], phrase: readonly string[], i: number) =>
  phrase.length > 0 && phrase.every((word, k) => text[i + k] === word);

/**
 * The first of `phrases` (each as its words) that stands in `text`'s words, if any.
 * @example phraseIn("Meta Platforms Ireland Ltd", [["meta"]]) // ["meta"]
 */
export function phraseIn(
  text: string,
  phrases: readonly (readonly string[])[],
): readonly string[] | undefined {
  const said = words(text);
  return phrases.find((phrase) => said.some((_, i) => standsAt(said, phrase, i)));
}

/** The dictionaries of a language, with each label phrase split into its words once. */
interface LabelWords {
  accept: string[][];
  refuse: string[][];
  object: string[][];
  close: string[][];
  manage: string[][];
  save: string[][];
  limiters: string[][];
  negators: string[][];
  /** Matched as word starts (`mentions`), for inflections: "notwendige", "selectionnés". */
  narrowing: string[];
  necessary: string[];
}

/** Each language's label words, split once (by base language; `en` for one the banner does not speak). */
const cache = new Map<string, LabelWords>();

function labelWords(language: string): LabelWords {
  const key = builtInLanguage(language) ?? "en";
  const known = cache.get(key);
  if (known) return known;
  const dicts = dictionariesFor(key);
  const split = (pick: (d: WordingDictionary) => readonly string[]) =>
    dicts.flatMap(pick).map(words);
  const plain = (pick: (d: WordingDictionary) => readonly string[]) =>
    dicts.flatMap(pick).map(normalize);
  const built: LabelWords = {
    accept: split((d) => d.acceptLabels),
    refuse: split((d) => d.refuseLabels),
    object: split((d) => d.objectLabels),
    close: split((d) => d.closeLabels),
    manage: split((d) => d.manageLabels),
    save: split((d) => d.saveLabels),
    limiters: split((d) => d.limiters),
    negators: [...split((d) => d.negators), ...[...NEGATIONS].map((n) => [n])],
    narrowing: plain((d) => [...d.necessaryClaims, ...d.selection]),
    necessary: plain((d) => d.necessaryClaims),
  };
  cache.set(key, built);
  return built;
}

/** How a label reads. */
export interface LabelReading {
  /** It says yes, unlimited: "Accept all", "OK", "Only accept all", "Accept all, don't ask again". */
  accepts: boolean;
  /**
   * It says yes only to what needs no consent, or says it will not: "Accept only necessary
   * cookies", "Accept selected", "Nur notwendige akzeptieren", "Continue without accepting".
   */
  acceptsLimited: boolean;
  /** It says no: "Reject all", "No thanks" (not "Don't reject"). */
  refuses: boolean;
  /** It says it objects: "Object", "Widersprechen", "Opt out of everything". */
  objects: boolean;
  closes: boolean;
  manages: boolean;
  saves: boolean;
  /** It says "necessary" or "essential" ("Necessary only"). */
  claimsNecessary: boolean;
}

/**
 * How a control's label reads in a language (its dictionary and English's).
 * @example readLabel("Accept only necessary cookies", "en").acceptsLimited // true
 */
export function readLabel(label: string, language: string): LabelReading {
  const w = labelWords(language);
  const t = words(label);
  const spans = (phrases: string[][]) =>
    t.flatMap((_, i) => phrases.filter((p) => standsAt(t, p, i)).map((p) => [i, i + p.length]));
  /** One of `phrases` ends right before `i`, or one word before it, in the same clause. */
  const endsBefore = (phrases: string[][], i: number) =>
    phrases.some(
      (n) =>
        standsAt(t, n, i - n.length) || (t[i - 1] !== BREAK && standsAt(t, n, i - 1 - n.length)),
    );
  /** A negator ends right before `i` ("Don't accept"). */
  const negated = (i: number) => endsBefore(w.negators, i);
  /** A refusal ends right before `i` ("Refuse consent"). */
  const refusedBefore = (i: number) => endsBefore(w.refuse, i);
  const said = (phrases: string[][]) => spans(phrases).some(([i]) => !negated(i as number));
  const accepts = spans(w.accept);
  const startsAccept = (i: number) => accepts.some(([s]) => s === i);
  /** Whether a clause's words narrow a yes to what needs no consent ("necessary", "selected"). */
  const narrows = (part: string[]) => {
    const text = part.join(" ");
    return w.narrowing.some((p) => mentions(text, p));
  };
  const qualified = ([s, e]: number[]) => {
    const start = s as number;
    let end = e as number;
    // "Don't accept", "Refuse consent", "Decline all consent": a yes that is refused.
    if (negated(start) || refusedBefore(start)) return "limited";
    // "Continue without accepting", "Weiter ohne Cookies".
    for (const n of w.negators)
      if (standsAt(t, n, end)) {
        const k = end + n.length;
        if ([k, k + 1].some((j) => startsAccept(j) || t[j]?.startsWith("cookie"))) return "limited";
      }
    // "Accept only necessary cookies", "Nur notwendige Cookies akzeptieren", "Accept selected".
    for (let moved = true; moved; ) {
      const limiter = w.limiters.find((l) => standsAt(t, l, end));
      moved = !!limiter;
      end += limiter?.length ?? 0;
    }
    const after = clause(t.slice(end, end + 3));
    const before = clause(t.slice(Math.max(0, start - 3), start).reverse()).reverse();
    if (narrows(after) || narrows(before)) return "limited";
    // "OK, reject all": an acknowledgement leading into a refusal.
    const next = t[end] === BREAK ? end + 1 : end;
    if (w.refuse.some((r) => standsAt(t, r, next))) return "acknowledged";
    return "accepts";
  };
  const readings = accepts.map(qualified);
  return {
    accepts: readings.includes("accepts"),
    acceptsLimited: readings.includes("limited"),
    refuses: said(w.refuse),
    objects: said(w.object),
    closes: said(w.close),
    manages: said(w.manage),
    saves: said(w.save),
    claimsNecessary: w.necessary.some((p) => mentions(normalize(label), p)),
  };
}

/** The words of `part` up to its first clause break. */
function clause(part: string[]): string[] {
  const cut = part.indexOf(BREAK);
  return cut < 0 ? part : part.slice(0, cut);
}
