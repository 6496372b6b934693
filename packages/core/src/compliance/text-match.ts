/**
 * Matching banner texts against the wording dictionaries: case-, accent- and
 * apostrophe-insensitive, blind to invisible characters and look-alike letters, on word
 * boundaries, and not when a negation comes right before ("non-essential", "not necessary",
 * "nicht notwendig").
 */

import { BLANK_LOOKING } from "../visible-text";

/** Words that negate what follows them, in every language the banner speaks. */
export const NEGATIONS: ReadonlySet<string> = new Set([
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

/**
 * Letters that look like Latin ones, as a dodge of the dictionaries ("\u0410ccept" with a
 * Cyrillic A, "ᴀccept" with a small capital, "c\u0585\u0585kies" with an Armenian oh, "ᏒᎬᎫᎬᏟᎢ" in
 * Cherokee, "necess\u0251ry" with a Latin alpha), and Latin letters no decomposition takes apart
 * ("nødvendig", "włączone", "schließen"), each with the Latin it reads as.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = Object.fromEntries(
  [
    // Cyrillic, upper and lower case.
    "Аa Вb Сc Еe Нh Іi Јj Кk Мm Оo Рp Ѕs Тt Хx Уy Үy Ԛq Ԝw Ӏl аa сc еe һh іi јj оo рp ѕs хx уy үy ԁd ԛq ԝw ӏl",
    // Greek.
    "Αa Βb Εe Ζz Ηh Ιi Κk Μm Νn Οo Ρp Τt Υy Χx αa ιi κk νv οo ρp υu ϲc ϳj",
    // Small capitals and other Latin look-alikes.
    "ᴀa ʙb ᴄc ᴅd ᴇe ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz ɡg ıi ȷj",
    // More Cyrillic and Greek that read as Latin (small capitals, or the Latin shape).
    "Ԁd Ѵv ѵv ѡw пn гr тt вb мm нh ьb Ғf ҳx εe τt γy ωw ηn χx Ϳj",
    // Armenian.
    "օo ոn սu հh ցg զq Օo Սu Տs Լl",
    // Cherokee, capitals and the small letters they lower-case to.
    "Ꭰd Ꭱr Ꭲt Ꭵi Ꭹy Ꭺa Ꭻj Ꭼe Ꮃw Ꮇm Ꮋh Ꮐg Ꮒh Ꮓz Ꮟb Ꮢr Ꮤw Ꮥs Ꮩv Ꮪs Ꮮl Ꮯc Ꮲp Ꮶk Ꮷd Ᏼb",
    "ꭰd ꭱr ꭲt ꭵi ꭹy ꭺa ꭻj ꭼe ꮃw ꮇm ꮋh ꮐg ꮒh ꮓz ꮟb ꮢr ꮤw ꮥs ꮩv ꮪs ꮮl ꮯc ꮲp ꮶk ꮷd ᏼb",
    // Lisu.
    "ꓐb ꓑp ꓓd ꓔt ꓖg ꓗk ꓙj ꓚc ꓜz ꓝf ꓟm ꓠn ꓡl ꓢs ꓣr ꓦv ꓧh ꓪw ꓫx ꓬy ꓮa ꓰe ꓲi ꓳo ꓴu",
    // Latin letters without a decomposition: IPA and other shapes of Latin ones, then the rest.
    "ɑa ɩi ɛe ɾr ꜰf ꞯq ƀb ɨi ƚl ʋu",
    "øo Øo łl Łl đd Đd ħh ŧt ßss ẞss æae Æae œoe Œoe",
  ]
    .join(" ")
    .split(" ")
    .map((pair) => [pair.slice(0, 1), pair.slice(1)]),
);
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join("")}]`, "gu");

/**
 * A text as the dictionaries are matched against it: without invisible format characters
 * (zero-width spaces and joiners, bidirectional controls: `\p{Cf}`) or letters that show as
 * blank (the Hangul fillers, the braille blank: "Acc\u3164ept"), compatibility forms
 * folded (NFKC: full-width and mathematical letters, ligatures), accents dropped, look-alike
 * letters read as the Latin they imitate, straight apostrophes, lower case, single spaces.
 * @example normalize("Acc\u200Bept \u0410LL") // "accept all"
 */
export function normalize(text: string): string {
  return text
    .replace(/\p{Cf}/gu, "")
    .replace(BLANK_LOOKING, "")
    .normalize("NFKC")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(LOOK_ALIKE, (ch) => LOOK_ALIKES[ch] ?? ch)
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
