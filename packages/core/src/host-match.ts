const HTTP_URL = /^(?:https?:)?\/\/(?:[^@/?#]*@)?([^/?#:]+)(?::\d*)?([^?#]*)/i;

/**
 * Whether an absolute (or protocol-relative) http(s) URL matches a host pattern: `example.com`
 * matches the host and its sub-domains (never `badexample.com`); `example.com/tr` also needs the
 * URL's path to contain `/tr`. Returns the pattern's length (its specificity), or 0.
 * @example matchHost("https://www.facebook.com/tr?id=1", "facebook.com/tr") // 15
 */
export function matchHost(href: string, pattern: string): number {
  const m = HTTP_URL.exec(href);
  const name = m?.[1]?.toLowerCase() ?? "";
  const [, host, path] = /^([^/]*)(.*)/.exec(pattern) as string[];
  return (name === host || name.endsWith(`.${host}`)) && (!path || m?.[2]?.includes(path))
    ? pattern.length
    : 0;
}

/**
 * The service a URL loads from: the one with the most specific matching host pattern, or
 * `undefined` for a URL no service claims (a relative URL, `data:`, `javascript:`...).
 * @example serviceForUrl("https://www.youtube.com/embed/x", CATALOGUE)?.id // "youtube"
 */
export function serviceForUrl<T extends { hosts?: readonly string[] }>(
  href: string,
  services: readonly T[],
): T | undefined {
  let best: T | undefined;
  let score = 0;
  for (const service of services)
    for (const pattern of service.hosts ?? []) {
      const s = matchHost(href, pattern);
      if (s > score) [score, best] = [s, service];
    }
  return best;
}
