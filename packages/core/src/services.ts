import { CATALOGUE, type CatalogueEntry } from "./catalogue";

/**
 * A service as a site lists it: a catalogue id and its category, optionally completed or
 * overridden by the site (a site's own services describe themselves).
 */
export type SiteService = { id: string; category: string } & Partial<
  Omit<CatalogueEntry, "id" | "category">
>;

/** The catalogue entry with this id, if there is one. */
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((entry) => entry.id === id);
}

/**
 * A site's service completed from the catalogue (what the site says wins), so that a published
 * configuration carries, and its hash covers, exactly what the visitor is shown and what the
 * SDK deletes on withdrawal.
 * @example completeService({ id: "youtube", category: "embeds" }).privacyPolicyUrl
 */
export function completeService(service: SiteService): SiteService {
  return { ...catalogueEntry(service.id), ...service };
}
