import { CATALOGUE_HOSTS } from "./catalogue-hosts";
import type { SiteService } from "./services";

/**
 * Every service a page must recognise: the site's own list (already completed from the
 * catalogue when published), then each catalogue service the site does not list, with its
 * default category and hosts, so that auto-blocking still knows where it loads from.
 * @example pageServices(config.services).find((s) => s.id === "hotjar")?.hosts // ["hotjar.com", ...]
 */
export function pageServices(site: readonly SiteService[]): SiteService[] {
  const out = [...site];
  for (const [id, [category, ...hosts]] of Object.entries(CATALOGUE_HOSTS))
    if (!site.some((s) => s.id === id)) out.push({ id, category: category as string, hosts });
  return out;
}
