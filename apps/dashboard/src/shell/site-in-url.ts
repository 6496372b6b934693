import type { SiteSummary } from "@assent/core";

const PARAM = "site";

/** The site to show: the one named in the address if the user may see it, else their first. */
export function initialSite(sites: readonly SiteSummary[]): string | undefined {
  const wanted = new URLSearchParams(location.search).get(PARAM);
  return sites.find((site) => site.key === wanted)?.key ?? sites[0]?.key;
}

/** Records the chosen site in the address, so a reload or a new sign-in comes back to it. */
export function rememberSite(key: string): void {
  const url = new URL(location.href);
  url.searchParams.set(PARAM, key);
  history.replaceState(history.state, "", url);
}
