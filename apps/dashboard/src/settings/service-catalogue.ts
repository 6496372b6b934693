import { CATALOGUE } from "@assent/core";

/** A service the settings form suggests: its id, name and the category it belongs in. */
export interface ServiceSuggestion {
  id: string;
  name: string;
  category: string;
}

/**
 * The services of the shared catalogue (`@assent/core`), suggested when a site adds a service.
 * Publishing completes a listed service from the catalogue (provider, purpose, cookies, policy);
 * any other id can still be typed in and described by the site.
 */
export const SERVICE_SUGGESTIONS: readonly ServiceSuggestion[] = CATALOGUE.map((entry) => ({
  id: entry.id,
  name: entry.name,
  category: entry.category,
}));
