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

/** Whether purposes include one Global Privacy Control opts out of. */
const optsOut = (purposes: readonly string[] | undefined) =>
  !!purposes?.some((p) => (GPC_PURPOSES as readonly string[]).includes(p));

/** Its declared purposes, or when it declares none, a default category's. */
const declared = (category: WithPurposes) =>
  category.purposes?.length ? category.purposes : DEFAULT_CATEGORY_PURPOSES[category.id];

/**
 * A category's purposes: those it declares (or, when it declares none, its default ones), and
 * every purpose of a service filed under it.
 * @example categoryPurposes(config, "advertising") // ["advertising", "sale-or-share"]
 */
export function categoryPurposes(scope: PurposeScope, id: string): string[] {
  const category = scope.categories.find((c) => c.id === id);
  const found = new Set<string>(category ? declared(category) : []);
  for (const s of scope.services)
    if (s.category === id) for (const p of s.purposes ?? []) found.add(p);
  return [...found];
}

/**
 * Whether Global Privacy Control refuses a category: a built-in one whose default purposes it
 * opts out of (`marketing`), whatever purposes it declares (its label tells the visitor it is
 * advertising, so declaring it `analytics` cannot let a retargeting tag run past GPC), and any
 * other but `necessary` whose purposes, or a
 * service's under it, include `advertising` or `sale-or-share`. It stays denied on "Accept
 * all", its services with it.
 * @example config.categories.filter((c) => gpcRefuses(config, c))
 */
export function gpcRefuses(scope: PurposeScope, category: WithPurposes): boolean {
  return (
    category.id !== NECESSARY &&
    ([category.purposes, DEFAULT_CATEGORY_PURPOSES[category.id]].some(optsOut) ||
      scope.services.some((s) => s.category === category.id && optsOut(s.purposes)))
  );
}

/**
 * What Global Privacy Control refuses: the categories `gpcRefuses`, and every service outside
 * `necessary` with an `advertising` or `sale-or-share` purpose.
 * @example gpcRefused(config) // { categories: ["advertising"], services: ["meta-pixel"] }
 */
export function gpcRefused(scope: PurposeScope): { categories: string[]; services: string[] } {
  return {
    categories: scope.categories.filter((c) => gpcRefuses(scope, c)).map((c) => c.id),
    services: scope.services
      .filter((s) => s.category !== NECESSARY && optsOut(s.purposes))
      .map((s) => s.id),
  };
}
