import { NECESSARY } from "../categories";
import { builtInLanguage, dictionariesFor } from "./dictionaries";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import { phraseIn, words } from "./label-reading";
import { mentions, normalize } from "./text-match";

/**
 * The texts that tell visitors what they choose: the banner's title, description and
 * re-consent, the preference centre's introduction, the UK objection and the GPC and US opt-out
 * notes, and the categories' labels and descriptions.
 */
const TOLD =
  /^(?:title|description|reconsent|preferencesIntro|objectInfo|gpc|gpcHonoured|optOutHonoured|category\..+)$/;

/** A language's phrases, normalized or split into words once. */
interface PressureWords {
  pressure: string[];
  breakage: string[][];
  /** What a claim of breakage may be true of: necessary cookies, content from other sites. */
  facts: string[];
}

const cache = new Map<string, PressureWords>();

function pressureWords(language: string): PressureWords {
  const key = builtInLanguage(language) ?? "en";
  const known = cache.get(key);
  if (known) return known;
  const dicts = dictionariesFor(key);
  const built = {
    pressure: dicts.flatMap((d) => d.pressure).map(normalize),
    breakage: dicts.flatMap((d) => d.breakage).map(words),
    facts: dicts.flatMap((d) => [...d.necessaryClaims, ...d.embeddedContent]).map(normalize),
  };
  cache.set(key, built);
  return built;
}

/**
 * The first sentence of `raw` saying that the site stops working, unless it says so of
 * necessary cookies ("without them the site would not work") or of content from other sites
 * ("embedded videos will not play until you allow them").
 */
function breakageClaim(raw: string, w: PressureWords): string | undefined {
  for (const sentence of raw.split(/[.!?\n]+/)) {
    const claim = phraseIn(sentence, w.breakage);
    if (claim && !w.facts.some((fact) => mentions(normalize(sentence), fact)))
      return claim.join(" ");
  }
  return undefined;
}

/**
 * A text that pressures the visitor out of refusing: doubt, loss or guilt ("Are you sure? You
 * will miss out", "Without cookies we cannot keep this site free"), or a claim that refusing
 * breaks the site ("Rejecting them will make parts of the site stop working"), which is untrue
 * of anything a visitor may refuse: what the site needs to work is necessary and stays on.
 * Consent given under such pressure is not freely given (EDPB guidelines 03/2022 on deceptive
 * design patterns, "emotional steering"; EDPB 05/2020 §3.1; CNIL). A claim of breakage is a
 * fact in `necessary`'s texts and in a sentence naming necessary cookies or embedded content;
 * in another category's texts it is a warning, as it may be true of that category's own feature
 * (a chat), for the owner to confirm.
 */
export function pressureFindings(
  language: string,
  key: string,
  raw: string,
  field: string,
): ComplianceFinding[] {
  if (!TOLD.test(key)) return [];
  const w = pressureWords(language);
  const text = normalize(raw);
  const pressure = w.pressure.find((phrase) => mentions(text, phrase));
  const category = /^category\.([^.]+)/.exec(key)?.[1];
  const breakage = pressure || category === NECESSARY ? undefined : breakageClaim(raw, w);
  if (!pressure && !breakage) return [];
  return [
    {
      severity: pressure || !category ? "error" : "warning",
      rule: "text-pressures-refusal",
      field,
      why: pressure
        ? `"${raw}": "${pressure}" makes refusing feel like a fault or a loss. Say what each choice does and nothing more, so that refusing is as free as accepting.`
        : `"${raw}" says refusing makes the site stop working ("${breakage}"), but what the site needs to work is necessary and stays on. Name what will not load until allowed ("videos from YouTube"), or say nothing${category ? `; if it is true of "${category}", acknowledge this warning` : ""}.`,
      guidance: GUIDANCE.edpbDeceptiveDesign,
    },
  ];
}
