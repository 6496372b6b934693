import { MODEL_TEXT_KEYS, RULE_MODELS } from "@assent/core";

/**
 * Byte budgets (gzip, level 9) for what a visitor downloads, each checked by a test of its own in
 * `size-budget.test.ts`. The parts' budgets add up to more than the total, so the total can fail
 * while every part is within its own. A change that grows them says so in its commit message.
 */
export const BUDGETS = {
  /**
   * The synchronous loader, without the inlined site config. 3,870 until it mounted the banner
   * without waiting for the page to be parsed, and reported a banner that could not load in the
   * import's own words: -24 (3,836); 3,840 until an opt-out or objection that outlived a policy
   * change was told to Consent Mode too: +10 (3,848); 3,850 until a stored decision's services
   * that follow their category followed it (moved into a refused one) and `necessary`'s services
   * ran (added since): +47 (3,895), and 3 B for the chunk names' hashes.
   */
  loader: 3_898,
  /**
   * What a returning visitor of the demo site downloads on every page view: `/s/demo.js`, the
   * loader with the seeded demo config inlined, as the API serves it (checked by the API's
   * `loader-config.size.test.ts`). 4,630 until the banner's looks left core's defaults out of
   * the inlined config (`loaderConfig`): -28; 4,600 until the loader's -24 above (4,567); 4,590
   * until the inlined services' cookies went by name only, lifetimes left to the published
   * config: -36 (4,531); 4,555 until the loader's services following their category: +47
   * (4,592); 4,595 until the catalogue's social buttons were `sale-or-share` too, which the
   * inlined services carry so that GPC holds them: +9 (4,601); 4,604 until the boot's property
   * names were written bare (a script's object literal, not JSON): -21 (4,580).
   */
  loaderWithDemoConfig: 4_583,
  /**
   * The UI chunk: the first layer in plain DOM, with its CSS inside. 2,935 until the banner's
   * landmark, its leaving a page's focus alone and a modal's inert page (WCAG 1.3.1, 2.4.3): +43;
   * 2,978 until it mounted between `<head>` and `<body>` while the page is parsed, with the page's
   * focus left until it is: +21 (2,999); 3,000 until a modal shown before there is a `<body>`
   * made the page inert once parsed: +22 (3,021); 3,025 for the preference centre's file name in
   * it, whose hash changes with that chunk and costs up to 7 B more or less (3,028); 3,030 until
   * focus went back to the page's own opener of the preference centre: +7 (3,037); 3,037 until
   * each layer's language was the one its receipts record: +6 (3,043); 3,043 until it fetched the
   * notes beside the first layer's texts for a banner that shows one: +33 (3,076).
   */
  ui: 3_079,
  /**
   * One first-layer language chunk: the largest, as the UI chunk imports one on a first visit.
   * 600 (562) until the notes (asked again, GPC honoured) went to a chunk of their own: -139 (423).
   */
  language: 430,
  /**
   * One language's first-layer notes (`lang/de-notes-HASH.js`): why a visitor is asked again,
   * that their GPC signal is honoured. Fetched beside the language chunk only by a banner that
   * shows one, so not in `total`: the largest.
   */
  notes: 280,
  /**
   * What a first-time visitor downloads up to the banner: loader, UI chunk, largest language.
   * 7,356 until the UI chunk's accessibility fixes (+43; +1 in the loader, its chunks' new hashes);
   * 7,400 until the modal's inert page when shown before `<body>` (+22: 7,419); 7,425 for the UI
   * chunk's hashed file name of the preference centre (7,426); 7,430 until the loader's +10 for
   * Consent Mode after a policy change (7,436); 7,440 until the UI chunk's +7 for focus going back
   * to the page's own opener (7,447); 7,447 until the loader's +47 for services following their
   * category (7,494); 7,497 until the UI chunk's +6 for each layer's language (7,500); 7,503
   * until the notes left the language chunk: -104 (-139 + 33 for fetching them, 7,396).
   */
  total: 7_399,
  /**
   * The choice module (deciding, the cookie, the receipt's write-ahead, clearing, checking what
   * `set()` is given), fetched once the banner has painted and with the preference centre, and
   * by any choice. 3,058 until each receipt named the standard wording shown (`wording`): +13;
   * 3,071 until the cookie marked the services that follow their category: +48 (3,105).
   */
  choice: 3_108,
  /**
   * The preference centre (Preact inside), fetched on intent (pointer or keyboard on Manage).
   * 8,450 until it named cookies without lifetimes from the loader's config: +4 (8,454).
   */
  preferences: 8_460,
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
