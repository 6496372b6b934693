/**
 * The English texts the rules add to the banner: the UK objection and the US opt-out. Sites
 * override them per language in `texts` (or a rule's `texts`) like any other banner text.
 */
export const RULE_TEXTS = {
  object: "Object",
  objectInfo:
    "We count visits and remember your display settings without asking, to improve the site. You can object at any time: it stops at once and its cookies are deleted.",
  objected: "You objected: statistics and display settings are no longer collected.",
  privacyChoices: "Your Privacy Choices",
  optOut: "Do not sell or share my personal information",
  optOutHonoured: "Opt-out request honoured",
} as const;

/** The key of a rule text, e.g. `object`. */
export type RuleTextKey = keyof typeof RULE_TEXTS;

/** Languages the rule texts are built in for (others need the site's own wording). */
export const RULE_TEXT_LANGUAGES: readonly string[] = ["en"];

/** Texts a UK rule with exempt categories must show: the objection control and its information. */
export const OBJECTION_TEXT_KEYS: readonly RuleTextKey[] = ["object", "objectInfo"];
