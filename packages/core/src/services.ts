import { CATALOGUE, type CatalogueEntry } from "./catalogue";

/** A service as a site lists it: a catalogue id and its category, or a site's own description. */
export type SiteService = { id: string; category: string } & Partial<
  Omit<CatalogueEntry, "id" | "category">
>;

/** A service with everything the SDK needs to gate it and clean up after it. */
export type ResolvedService = CatalogueEntry;

/** The catalogue entry with this id, if there is one. */
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((entry) => entry.id === id);
}

/**
 * Every service a page must know about: the site's own list (catalogue entries completed or
 * overridden by what the site says), then the catalogue entries the site does not list, so that
 * content from a known host is recognised even when the site forgot to configure it.
 * @example resolveServices([{ id: "youtube", category: "embeds" }])[0].hosts // ["youtube.com", ...]
 */
export function resolveServices(site: readonly SiteService[]): ResolvedService[] {
  const listed = site.map((service) => {
    const known = catalogueEntry(service.id);
    return {
      name: service.id,
      provider: "",
      purpose: "",
      hosts: [],
      cookies: [],
      privacyPolicyUrl: "",
      consentModeKeys: [],
      ...known,
      ...service,
    } as ResolvedService;
  });
  const ids = new Set(site.map((s) => s.id));
  return [...listed, ...CATALOGUE.filter((entry) => !ids.has(entry.id))];
}
