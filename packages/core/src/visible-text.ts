/**
 * Whether a text shows a visitor something to read. Kept apart from the guards and the linter,
 * which both ask: a control's label must (`control-text-required`), and so must the texts that
 * inform the choice (`text-without-words`).
 */

/**
 * Characters that are letters or symbols to Unicode but render as blank space: the braille
 * blank (U+2800) and the Hangul fillers (U+3164, U+115F, U+1160, U+FFA0).
 */
export const BLANK_LOOKING = /[\u2800\u3164\u115F\u1160\uFFA0]/gu;

/**
 * Whether `text` holds a letter or digit a visitor can see (a blank-looking one does not count).
 * @example hasVisibleWord("\u3164") // false
 */
export function hasVisibleWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text.replace(BLANK_LOOKING, ""));
}

/**
 * Whether `text` holds an invisible format character (`\p{Cf}`): a zero-width space or joiner,
 * a bidirectional control that reorders what is shown ("\u202Etpecca" shows as "accept"), a
 * soft hyphen. Such a character can hide a word from a check while the visitor reads it.
 * @example hasFormatCharacter("Acc\u200Bept") // true
 */
export function hasFormatCharacter(text: string): boolean {
  return /\p{Cf}/u.test(text);
}
