/** The banner's languages, written once; kept a string so the loader carries it in few bytes. */
const SPOKEN = "en cy de fr es it nl pl pt sv da ar";

type Words<S extends string> = S extends `${infer Head} ${infer Tail}` ? Head | Words<Tail> : S;

/** A language the banner speaks. */
export type Language = Words<typeof SPOKEN>;

/**
 * The languages the banner speaks: each has a complete dictionary and a chunk of its own in the
 * SDK, so a visitor downloads only the one they read. The dashboard offers these and no others,
 * since the banner could show no other. Marked pure, so a bundle that reads only the other
 * exports here (the SDK's UI chunk: `DEFAULT_LANGUAGE`, `RIGHT_TO_LEFT`) drops the split.
 */
export const LANGUAGES = /* @__PURE__ */ SPOKEN.split(" ") as readonly Language[];

/** The language the banner falls back to, and a new site's default. */
export const DEFAULT_LANGUAGE: Language = "en";

/** The languages written right to left. */
export const RIGHT_TO_LEFT: readonly Language[] = ["ar"];

/**
 * Whether the banner speaks a language (a base language such as `fr`, not `fr-CA`).
 * @example isLanguage("cy") // true
 */
export function isLanguage(code: string): code is Language {
  return (LANGUAGES as readonly string[]).includes(code);
}
