/** A configuration's texts per language, wherever it keeps them. */
type Texts = Record<string, Record<string, string>>;

/** One set of texts: where it is (keys from the configuration's root) and the texts. */
export interface TextSet {
  path: Array<string | number>;
  texts: Texts;
}

/**
 * Every set of texts a visitor may be shown: the site's `texts`, then each rule's own (shown over
 * the site's to the visitors the rule applies to), so the guards and the linter check them alike.
 * @example textSets(config).map((s) => s.path.join(".")) // ["texts", "jurisdictions.rules.0.texts"]
 */
export const textSets = (config: {
  texts: Texts;
  jurisdictions?: { rules: ReadonlyArray<{ texts?: Texts | undefined }> } | undefined;
}): TextSet[] => [
  { path: ["texts"], texts: config.texts },
  ...(config.jurisdictions?.rules ?? []).map((rule, r) => ({
    path: ["jurisdictions", "rules", r, "texts"],
    texts: rule.texts ?? {},
  })),
];
