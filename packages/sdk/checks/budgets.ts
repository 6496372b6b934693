/**
 * Byte budgets (gzip, level 9) for what a visitor downloads, each checked by a test of its own in
 * `size-budget.test.ts`. The parts' budgets add up to more than the total, so the total can fail
 * while every part is within its own. A change that grows them says so in its commit message.
 */
export const BUDGETS = {
  /** The synchronous loader, without the inlined site config. */
  loader: 5 * 1024,
  /** The lazily imported UI chunk (JS with its CSS inside). */
  ui: 9 * 1024,
  /** One language chunk: the largest, as the UI chunk imports one on a first visit. */
  language: 1.5 * 1024,
  /** What a first-time visitor downloads in all: loader, UI chunk and the largest language. */
  total: 15 * 1024,
} as const;

/** Every language the banner speaks (core's list); each is built as `dist/lang/CODE-HASH.js`. */
export { LANGUAGES } from "@assent/core";
