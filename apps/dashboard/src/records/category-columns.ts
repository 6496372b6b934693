import { DEFAULT_CATEGORIES, type StoredReceipt } from "@assent/core";

const DEFAULT_ORDER = DEFAULT_CATEGORIES.map((category) => category.id);

/**
 * The category columns for a set of receipts: every category any of them records, the default
 * categories first in their usual order, then a site's own categories alphabetically.
 */
export function categoryColumns(receipts: readonly StoredReceipt[]): string[] {
  const seen = new Set<string>();
  for (const receipt of receipts) {
    for (const id of Object.keys(receipt.decision.categories)) seen.add(id);
  }
  const defaults = DEFAULT_ORDER.filter((id) => seen.has(id));
  const own = [...seen].filter((id) => !DEFAULT_ORDER.includes(id)).sort();
  return [...defaults, ...own];
}

/** A column heading for a category id: `site-news` reads "Site news". */
export function categoryLabel(id: string): string {
  const words = id.replaceAll("-", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
