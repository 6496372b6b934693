/** The parts of a URL that host matching reads, lower-case as a URL parser gives them. */
export interface UrlParts {
  hostname: string;
  pathname: string;
}

/**
 * A URL's host name without the trailing dot of a fully qualified name (`www.facebook.com.`),
 * which the browser resolves and connects to as the same host.
 */
const bareHost = ({ hostname }: UrlParts) => hostname.replace(/\.$/, "");

/**
 * Whether a URL matches a host pattern (`www.facebook.com.` as `www.facebook.com`): `example.com` matches the host and its sub-domains (never
 * `badexample.com`); `example.com/tr` also needs the URL's path to contain `/tr` as whole
 * segments (`/tr`, `/tr/x`, `/v1/tr`; never `/translate`). Returns the pattern's length (its
 * specificity), or 0 when it does not match.
 * @example matchHost(new URL("https://www.facebook.com/tr?id=1"), "facebook.com/tr") // 15
 */
export function matchHost(url: UrlParts, pattern: string): number {
  const hostname = bareHost(url);
  const [, host, path] = /^([^/]*)(.*?)\/?$/.exec(pattern) as string[];
  return (hostname === host || hostname.endsWith(`.${host}`)) &&
    `${url.pathname}/`.includes(`${path}/`)
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

/**
 * `serviceForUrl` over a fixed list of services, remembering per host name which of their
 * patterns can match it: a page's many first-party URLs then cost one map lookup each, and a
 * tracker's only its own patterns' path checks. The same answers as `serviceForUrl`.
 * @example const serviceOf = serviceMatcher(services); serviceOf(new URL(img.src))?.id
 */
export function serviceMatcher<T extends { hosts?: readonly string[] }>(
  services: readonly T[],
): (url: UrlParts) => T | undefined {
  const byHost = new Map<string, Array<[T, string]>>();
  return (url) => {
    const hostname = bareHost(url);
    let candidates = byHost.get(hostname);
    if (!candidates) {
      candidates = [];
      for (const service of services)
        for (const pattern of service.hosts ?? []) {
          const host = pattern.split("/")[0] as string;
          if (hostname === host || hostname.endsWith(`.${host}`))
            candidates.push([service, pattern]);
        }
      // A page reaches a few dozen hosts; a hostile one cannot grow this without bound.
      if (byHost.size >= 1024) byHost.clear();
      byHost.set(hostname, candidates);
    }
    let best: T | undefined;
    let score = 0;
    for (const [service, pattern] of candidates) {
      const s = matchHost(url, pattern);
      if (s > score) [score, best] = [s, service];
    }
    return best;
  };
}

/**
 * Whether two host patterns can match the same URL: their hosts are the same or one is a
 * sub-domain of the other, and their paths (if any) can both stand in one URL's path.
 * @example patternsOverlap("connect.facebook.net", "facebook.net") // true
 */
export function patternsOverlap(a: string, b: string): boolean {
  const [hostA = "", pathA = ""] = splitPattern(a);
  const [hostB = "", pathB = ""] = splitPattern(b);
  const hosts = hostA === hostB || hostA.endsWith(`.${hostB}`) || hostB.endsWith(`.${hostA}`);
  const paths =
    !pathA || !pathB || `${pathA}/`.includes(`${pathB}/`) || `${pathB}/`.includes(`${pathA}/`);
  return hosts && paths;
}

/** A host pattern's host and path (`""` when it has none), lower-case, without a trailing slash. */
const splitPattern = (pattern: string) =>
  (/^([^/]*)(.*?)\/?$/.exec(pattern.toLowerCase()) as string[]).slice(1);
