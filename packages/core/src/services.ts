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
 * SDK deletes on withdrawal. Cookies and `localStorage` keys are joined, not replaced: a site may
 * add names or give a known cookie its own lifetime, never drop one the catalogue knows the
 * service sets (`cookies: []` on the Meta pixel would leave `_fbp` behind after a withdrawal,
 * and untold in the preference centre).
 * @example completeService({ id: "youtube", category: "embeds" }).privacyPolicyUrl
 * @example completeService({ id: "meta-pixel", category: "marketing", cookies: [] }).cookies // _fbp, _fbc
 */
export function completeService(service: SiteService): SiteService {
  const entry = catalogueEntry(service.id);
  if (!entry) return service;
  const cookies = service.cookies ?? [];
  const storage = service.storage ?? [];
  const joined = {
    cookies: [...cookies, ...entry.cookies.filter((c) => !cookies.some((s) => s.name === c.name))],
    storage: [...storage, ...(entry.storage ?? []).filter((name) => !storage.includes(name))],
  };
  return {
    ...entry,
    ...service,
    cookies: joined.cookies,
    ...(joined.storage.length ? { storage: joined.storage } : {}),
  };
}
