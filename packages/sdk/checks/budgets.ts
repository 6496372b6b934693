import { MODEL_TEXT_KEYS, RULE_MODELS } from "@assent/core";

/**
 * Byte budgets (gzip, level 9) for what a visitor downloads, each checked by a test of its own in
 * `size-budget.test.ts`. The parts' budgets add up to more than the total, so the total can fail
 * while every part is within its own. A change that grows them says so in its commit message.
 */
export const BUDGETS = {
  /** The synchronous loader, without the inlined site config. */
  loader: 3_870,
  /**
   * What a returning visitor of the demo site downloads on every page view: `/s/demo.js`, the
   * loader with the seeded demo config inlined, as the API serves it (checked by the API's
   * `loader-config.size.test.ts`).
   */
  loaderWithDemoConfig: 4_630,
  /** The UI chunk: the first layer in plain DOM, with its CSS inside. */
  ui: 2_935,
  /** One first-layer language chunk: the largest, as the UI chunk imports one on a first visit. */
  language: 600,
  /** What a first-time visitor downloads up to the banner: loader, UI chunk, largest language. */
  total: 7_356,
  /**
   * The choice module (deciding, the cookie, the receipt's write-ahead, clearing, checking what
   * `set()` is given), fetched once the banner has painted and with the preference centre, and
   * by any choice.
   */
  choice: 3_058,
  /** The preference centre (Preact inside), fetched on intent (pointer or keyboard on Manage). */
  preferences: 8_450,
  /** One language's every text, fetched with the preference centre: the largest. */
  centreLanguage: 1_380,
  /**
   * One rule's texts in one language (`lang/CODE-MODEL-HASH.js`: the UK objection's, the US
   * opt-out's), fetched beside the language chunk only by visitors under such a rule: the
   * largest. Nothing else grows for them, and nothing at all for anyone else.
   */
  ruleTexts: 320,
} as const;

/** Every language the banner speaks (core's list); each is built as `dist/lang/CODE-HASH.js`. */
export { LANGUAGES } from "@assent/core";

/** The rule models that add texts, each built per language as `dist/lang/CODE-MODEL-HASH.js`. */
export const WORDED_MODELS = RULE_MODELS.filter((model) => MODEL_TEXT_KEYS[model].length);
