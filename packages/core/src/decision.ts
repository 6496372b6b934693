import { type Category, isRequired, NECESSARY, type Service } from "./categories";

/**
 * How a decision was made; stored on every receipt. `object`: the visitor objected to what a UK
 * exemption ran before a choice; `opt-out`: the visitor opted out of sale and sharing under an
 * opt-out rule.
 */
export type ConsentMethod =
  | "accept-all"
  | "reject-all"
  | "custom"
  | "withdraw"
  | "gpc"
  | "api"
  | "object"
  | "opt-out";

/** Every method, in a fixed order (the cookie codec relies on it). */
export const CONSENT_METHODS: readonly ConsentMethod[] = [
  "accept-all",
  "reject-all",
  "custom",
  "withdraw",
  "gpc",
  "api",
  "object",
  "opt-out",
];

/**
 * A visitor's decision: every configured category and service, granted (`true`) or denied
 * (`false`). Denials are explicit, never implied by absence.
 */
export interface Decision {
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
}

/** What a visitor or a site asked for; anything left out is denied. */
export interface Choice {
  categories?: Record<string, boolean>;
  services?: Record<string, boolean>;
}

/** The part of a site configuration a decision is made against. */
export interface DecisionScope {
  categories: readonly Category[];
  services: readonly Service[];
}

/**
 * Resolves a choice into a complete decision: required categories on, every other category as
 * chosen (default denied), every service as chosen or else following its category.
 * @example decide(config, { categories: { analytics: true } })
 */
export function decide(scope: DecisionScope, choice: Choice = {}): Decision {
  const categories: Record<string, boolean> = {};
  for (const category of scope.categories) {
    categories[category.id] = isRequired(category) || choice.categories?.[category.id] === true;
  }
  const services: Record<string, boolean> = {};
  for (const service of scope.services) {
    const own = choice.services?.[service.id];
    const category = categories[service.category] === true;
    services[service.id] = service.category === NECESSARY || (own ?? category) === true;
  }
  return { categories, services };
}

/** Everything granted. */
export function acceptAll(scope: DecisionScope): Decision {
  return decide(scope, {
    categories: Object.fromEntries(scope.categories.map((c) => [c.id, true])),
  });
}

/** Only what is required. */
export function rejectAll(scope: DecisionScope): Decision {
  return decide(scope, {});
}

/** Own keys only: "constructor" is a valid id, and `in` would find Object.prototype's. */
const names = (map: Record<string, boolean>, id: string): boolean => Object.hasOwn(map, id);

/**
 * Whether a decision allows a category or a service. A service id wins over its category;
 * anything the decision does not name is denied (new services are never switched on silently).
 * @example isAllowed(decision, "analytics"); isAllowed(decision, "youtube")
 */
export function isAllowed(decision: Decision | null, categoryOrService: string): boolean {
  if (categoryOrService === NECESSARY) return true;
  if (!decision) return false;
  if (names(decision.services, categoryOrService)) {
    return decision.services[categoryOrService] === true;
  }
  return decision.categories[categoryOrService] === true;
}

/**
 * Whether a gated element (with `data-category` and/or `data-service`) may run.
 * A named service must be allowed; otherwise its category must be.
 */
export function allowsElement(
  decision: Decision | null,
  category: string | null | undefined,
  service: string | null | undefined,
): boolean {
  if (service && decision && names(decision.services, service))
    return decision.services[service] === true;
  if (category) return isAllowed(decision, category);
  return service ? isAllowed(decision, service) : false;
}

/** Whether anything beyond the required categories is granted. */
export function grantsAnything(decision: Decision, scope: DecisionScope): boolean {
  return scope.categories.some((c) => !isRequired(c) && decision.categories[c.id] === true);
}
