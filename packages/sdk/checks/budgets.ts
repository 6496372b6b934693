/**
 * Byte budgets (gzip, level 9) for what a visitor downloads. A change that grows them says so in
 * its commit message.
 */
export const BUDGETS = {
  /** The synchronous loader, without the inlined site config. */
  loader: 5 * 1024,
  /** The lazily imported UI chunk (JS with its CSS and English texts inside). */
  ui: 10 * 1024,
  /** What a first-time visitor downloads in all. */
  total: 15 * 1024,
} as const;
