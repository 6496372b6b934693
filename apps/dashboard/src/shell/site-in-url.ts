import type { SiteSummary } from "@assent/core";

const SITE = "site";
const VIEW = "view";

/** The site to show: the one named in the address if the user may see it, else their first. */
export function initialSite(sites: readonly SiteSummary[]): string | undefined {
  const wanted = new URLSearchParams(location.search).get(SITE);
  return sites.find((site) => site.key === wanted)?.key ?? sites[0]?.key;
}

/** The view named in the address, if it is one of `views`. */
export function initialView<V extends string>(views: readonly V[], fallback: V): V {
  const wanted = new URLSearchParams(location.search).get(VIEW);
  return views.find((view) => view === wanted) ?? fallback;
}

/** Records the chosen site and view in the address, so a reload comes back to them. */
export function rememberPlace(site: string | undefined, view?: string): void {
  const url = new URL(location.href);
  if (site) url.searchParams.set(SITE, site);
  if (view) url.searchParams.set(VIEW, view);
  history.replaceState(history.state, "", url);
}
