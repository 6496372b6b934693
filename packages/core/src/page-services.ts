import { CATALOGUE_HOSTS } from "./catalogue-hosts";
import type { SiteService } from "./services";

/**
 * Every service a page must recognise: the site's own list (already completed from the
 * catalogue when published), then each catalogue service the site does not list, with its
 * default category and hosts, so that auto-blocking still knows where it loads from.
 * @example pageServices(config.services).find((s) => s.id === "hotjar")?.hosts // ["hotjar.com", ...]
 */
export function pageServices(site: readonly SiteService[]): SiteService[] {
  return [...site, ...CATALOGUE_HOSTS.filter((known) => !site.some((s) => s.id === known.id))];
}
