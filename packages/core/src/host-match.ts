/** The parts of a URL that host matching reads, lower-case as a URL parser gives them. */
export interface UrlParts {
  hostname: string;
  pathname: string;
}

/**
 * Whether a URL matches a host pattern: `example.com` matches the host and its sub-domains (never
 * `badexample.com`); `example.com/tr` also needs the URL's path to contain `/tr` as whole
 * segments (`/tr`, `/tr/x`, `/v1/tr`; never `/translate`). Returns the pattern's length (its
 * specificity), or 0 when it does not match.
 * @example matchHost(new URL("https://www.facebook.com/tr?id=1"), "facebook.com/tr") // 15
 */
export function matchHost({ hostname, pathname }: UrlParts, pattern: string): number {
  const [, host, path] = /^([^/]*)(.*?)\/?$/.exec(pattern) as string[];
  return (hostname === host || hostname.endsWith(`.${host}`)) && `${pathname}/`.includes(`${path}/`)
    ? pattern.length
    : 0;
}

/**
 * The service a URL loads from: the one with the most specific matching host pattern, or
 * `undefined` when no service claims it.
 * @example serviceForUrl(new URL("https://www.youtube.com/embed/x"), CATALOGUE)?.id // "youtube"
 */
export function serviceForUrl<T extends { hosts?: readonly string[] }>(
  url: UrlParts,
  services: readonly T[],
): T | undefined {
  let best: T | undefined;
  let score = 0;
  for (const service of services)
    for (const pattern of service.hosts ?? []) {
      const s = matchHost(url, pattern);
      if (s > score) [score, best] = [s, service];
    }
  return best;
}
