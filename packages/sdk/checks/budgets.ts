/**
 * Byte budgets (gzip, level 9) for what a visitor downloads. A change that grows them says so in
 * its commit message.
 */
export const BUDGETS = {
  /** The synchronous loader, without the inlined site config. */
  loader: 5 * 1024,
  /** The lazily imported UI chunk (JS with its CSS inside) plus one language chunk, the largest. */
  ui: 10 * 1024,
  /** What a first-time visitor downloads in all: loader, UI chunk and one language. */
  total: 15 * 1024,
} as const;

/** Every language the banner speaks (core's list); each is built as `dist/lang/CODE-HASH.js`. */
export { LANGUAGES } from "@assent/core";
