import { CATALOGUE_HOSTS } from "./catalogue-hosts";
import type { SiteService } from "./services";

/**
 * Every service a page must recognise: the site's own list (already completed from the
 * catalogue when published), then each catalogue service the site does not list, with its
 * default category, hosts, cookies and storage keys, so that auto-blocking still knows where it
 * loads from and a withdrawal still clears what its tags set (GA4's `_gcl_au`, for one).
 * @example pageServices(config.services).find((s) => s.id === "hotjar")?.hosts // ["hotjar.com", ...]
 */
export function pageServices(site: readonly SiteService[]): SiteService[] {
  return [...site, ...CATALOGUE_HOSTS.filter((known) => !site.some((s) => s.id === known.id))];
}
