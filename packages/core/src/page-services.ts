import { CATALOGUE_HOSTS, CATALOGUE_TRACES } from "./catalogue-hosts";
import type { SiteService } from "./services";

/**
 * Every service a page must know: the site's own list (already completed from the catalogue when
 * published), then each catalogue service the site does not list, with its default category,
 * cookies and storage keys, so that a withdrawal still clears what its tags set (GA4's
 * `_gcl_au`, for one). Hosts are not included (see `withCatalogueHosts`).
 * @example pageServices(config.services).find((s) => s.id === "google-ads")?.cookies
 */
export function pageServices(site: readonly SiteService[]): SiteService[] {
  return [...site, ...CATALOGUE_TRACES.filter((known) => !site.some((s) => s.id === known.id))];
}

/**
 * The catalogue's services a site does not list, as the server inlines them for the loader
 * (`boot.traces`): id, default category, and the cookies and storage keys their tags set, empty
 * lists left out. The loader's page services are the site's then these (`pageServices`), without
 * the catalogue in its code.
 * @example catalogueTraces([]).find((s) => s.id === "google-ads")?.cookies?.[0]?.name // "_gcl_*"
 */
export function catalogueTraces(site: readonly SiteService[]): SiteService[] {
  return pageServices(site)
    .slice(site.length)
    .map(({ id, category, cookies, storage }) => ({
      id,
      category,
      ...(cookies?.length ? { cookies } : {}),
      ...(storage?.length ? { storage } : {}),
    }));
}

/**
 * The same services, each catalogue one holding the catalogue's hosts as well as any the site
 * adds, so that auto-blocking knows where every service loads from. A site can add hosts to a
 * catalogue service, never take its own away: `hosts: []` on the Meta pixel would otherwise let
 * `connect.facebook.net` load before consent on an auto-blocked page.
 * @example withCatalogueHosts(pageServices([])).find((s) => s.id === "hotjar")?.hosts // ["hotjar.com", ...]
 */
export function withCatalogueHosts(services: readonly SiteService[]): SiteService[] {
  return services.map((s) => {
    const known = CATALOGUE_HOSTS[s.id] ?? [];
    const own = s.hosts ?? [];
    return { ...s, hosts: [...own, ...known.filter((h) => !own.includes(h))] };
  });
}
