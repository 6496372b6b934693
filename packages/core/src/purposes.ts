/**
 * What a category or a service is for, as flags that rules read instead of ids: Global Privacy
 * Control and Consent Mode's advertising keys follow `advertising` and `sale-or-share`, whatever
 * the category is called.
 */

import { NECESSARY } from "./categories";

/** Every purpose a category or service may declare. */
export const PURPOSES = [
  "advertising",
  "sale-or-share",
  "analytics",
  "personalisation",
  "functional",
] as const;

/** A purpose: `advertising`, `sale-or-share`, `analytics`, `personalisation` or `functional`. */
export type Purpose = (typeof PURPOSES)[number];

/** The purposes Global Privacy Control opts out of: they stay denied on "Accept all". */
export const GPC_PURPOSES: readonly Purpose[] = ["advertising", "sale-or-share"];

/**
 * Purposes of the default categories when a configuration does not declare them (every config
 * published before purposes existed): a category that declares its own, or is renamed, uses
 * those and its services' instead.
 */
export const DEFAULT_CATEGORY_PURPOSES: Readonly<Record<string, readonly Purpose[]>> = {
  preferences: ["functional", "personalisation"],
  analytics: ["analytics"],
  marketing: ["advertising"],
};

interface WithPurposes {
  id: string;
  purposes?: readonly string[];
}

/** The part of a configuration purposes are read from. */
export interface PurposeScope {
  categories: readonly WithPurposes[];
  services: readonly (WithPurposes & { category: string })[];
}

/**
 * A category's purposes: those it declares (or, when it declares none, its default ones), and
 * every purpose of a service filed under it.
 * @example categoryPurposes(config, "advertising") // ["advertising", "sale-or-share"]
 */
export function categoryPurposes(scope: PurposeScope, id: string): string[] {
  const own = scope.categories.find((c) => c.id === id)?.purposes;
  const found = new Set<string>(own?.length ? own : (DEFAULT_CATEGORY_PURPOSES[id] ?? []));
  for (const s of scope.services)
    if (s.category === id) for (const p of s.purposes ?? []) found.add(p);
  return [...found];
}

/**
 * What Global Privacy Control refuses: every category (but `necessary`) and every service
 * (outside `necessary`) with an `advertising` or `sale-or-share` purpose. These stay denied on
 * "Accept all", and Consent Mode's advertising keys with them.
 * @example gpcRefused(config) // { categories: ["advertising"], services: ["meta-pixel"] }
 */
export function gpcRefused(scope: PurposeScope): { categories: string[]; services: string[] } {
  const refused = (purposes: readonly string[] = []) =>
    purposes.some((p) => (GPC_PURPOSES as readonly string[]).includes(p));
  return {
    categories: scope.categories
      .filter((c) => c.id !== NECESSARY && refused(categoryPurposes(scope, c.id)))
      .map((c) => c.id),
    services: scope.services
      .filter((s) => s.category !== NECESSARY && refused(s.purposes))
      .map((s) => s.id),
  };
}
