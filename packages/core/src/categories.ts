/**
 * Consent categories and services as a site configures them.
 */

/** The category that is always on and cannot be refused. */
export const NECESSARY = "necessary";

/** A purpose the visitor can grant or deny as a whole. */
export interface Category {
  /** Stable id, e.g. `analytics`. */
  id: string;
  /** `true` only for `necessary`: shown locked on, never asked. */
  required?: boolean;
}

/** A third party (or first-party feature) that the visitor can grant or deny on its own. */
export interface Service {
  /** Stable id from the catalogue, e.g. `google-analytics`, or a site's own. */
  id: string;
  /** The category the service belongs to. */
  category: string;
}

/** The categories every site starts with (DESIGN.md). Sites may add their own. */
export const DEFAULT_CATEGORIES: readonly Category[] = [
  { id: NECESSARY, required: true },
  { id: "preferences" },
  { id: "analytics" },
  { id: "marketing" },
  { id: "embeds" },
];

/** Whether a category can be refused. `necessary` never can, whatever the config says. */
export function isRequired(category: Category): boolean {
  return category.id === NECESSARY || category.required === true;
}
