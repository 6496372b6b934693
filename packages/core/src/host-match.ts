import type { CatalogueEntry } from "./catalogue";

const HTTP_URL = /^(?:https?:)?\/\/(?:[^@/?#]*@)?([^/?#:]+)(?::\d*)?([^?#]*)/i;

/**
 * Whether an absolute http(s) URL matches a host pattern: `example.com` matches the host and its
 * sub-domains (not `badexample.com`); `example.com/tr` also needs the path to start with `/tr`;
 * `*` in the path stands for any characters but `/`. Returns the pattern's length (its
 * specificity), or 0 when it does not match.
 * @example matchHost("https://www.facebook.com/tr?id=1", "facebook.com/tr") // 15
 */
export function matchHost(href: string, pattern: string): number {
  const m = HTTP_URL.exec(href);
  if (!m) return 0;
  const name = (m[1] as string).toLowerCase().replace(/\.$/, "");
  const slash = pattern.indexOf("/");
  const host = slash < 0 ? pattern : pattern.slice(0, slash);
  if (name !== host && !name.endsWith(`.${host}`)) return 0;
  if (slash < 0) return pattern.length;
  const path = pattern
    .slice(slash)
    .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, "[^/]*");
  return new RegExp(`^${path}`).test(m[2] || "/") ? pattern.length : 0;
}

/**
 * The service an absolute URL loads from: the one with the most specific matching host pattern,
 * or `undefined` for a URL no service claims (or one that is not http(s)).
 * @example serviceForUrl("https://www.youtube.com/embed/x", CATALOGUE)?.id // "youtube"
 */
export function serviceForUrl<T extends Pick<CatalogueEntry, "hosts">>(
  href: string,
  services: readonly T[],
): T | undefined {
  let best: T | undefined;
  let score = 0;
  for (const service of services) {
    for (const pattern of service.hosts) {
      const s = matchHost(href, pattern);
      if (s > score) {
        score = s;
        best = service;
      }
    }
  }
  return best;
}
