/**
 * Where a cookie set by a script on a page can live, so that withdrawal can delete it: the host,
 * every parent domain down to the registrable one (never a public suffix such as `co.uk`), and
 * every path above the page.
 */

/**
 * Public suffixes beyond a single label (`com`, `uk`): a second level under a two-letter country
 * TLD that registries hand out (`co.uk`, `org.uk`, `com.au`, `co.jp`...), and the hosting
 * suffixes of the Public Suffix List's private part that sites commonly live on.
 */
const PUBLIC_SUFFIX =
  /^((ac|co|com|edu|gov|govt|id|ltd|me|mil|ne|net|nhs|nom|or|org|plc|police|sch)\.[a-z]{2}|github\.io|(netlify|vercel)\.app|pages\.dev|herokuapp\.com)$/;

/** Whether `domain` is a public suffix, under which no site may set a cookie. */
export function isPublicSuffix(domain: string): boolean {
  return !domain.includes(".") || PUBLIC_SUFFIX.test(domain);
}

/**
 * The domains a cookie visible on `hostname` can have been set for, most specific first: the
 * host itself, then each parent down to the registrable domain. An IP address or a single-label
 * host (`localhost`) has only itself. `publicSuffix` says where to stop: `isPublicSuffix` here,
 * or in a browser the browser itself, which knows the whole Public Suffix List.
 * @example cookieDomains("www.shop.example.co.uk", isPublicSuffix) // ["www.shop.example.co.uk", "shop.example.co.uk", "example.co.uk"]
 */
export function cookieDomains(
  hostname: string,
  publicSuffix: (domain: string) => boolean,
): string[] {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  const out: string[] = [];
  if (!/^[\d.]+$|:/.test(host))
    for (let d = host; d.includes(".") && !publicSuffix(d); d = d.slice(d.indexOf(".") + 1))
      out.push(d);
  return out.length ? out : [host];
}

/**
 * The paths a cookie visible on `pathname` can have been set for: `/` and every directory above
 * the page, as a browser writes a cookie's default path (no trailing slash).
 * @example cookiePaths("/news/2024/item.html") // ["/", "/news", "/news/2024"]
 */
export function cookiePaths(pathname: string): string[] {
  const out = ["/"];
  let path = "";
  for (const segment of pathname.split("/").slice(1, -1)) {
    if (!segment) continue;
    path += `/${segment}`;
    out.push(path);
  }
  return out;
}

/**
 * The `document.cookie` assignments that delete a cookie wherever it can live for a page: as a
 * host-only cookie and on every domain of `cookieDomains`, on every path of `cookiePaths`. A
 * prefixed name is deleted as its prefix lets it be set: `__Secure-` with `Secure`, `__Host-`
 * with `Secure`, host-only, on `/` (a browser refuses any other assignment to them).
 * @example for (const line of expiringCookies("_ga", location, isPublicSuffix)) document.cookie = line;
 */
export function expiringCookies(
  name: string,
  location: { hostname: string; pathname: string },
  publicSuffix: (domain: string) => boolean,
): string[] {
  if (name.startsWith("__Host-")) return [`${name}=; Max-Age=0; Path=/; Secure`];
  const secure = name.startsWith("__Secure-") ? "; Secure" : "";
  const out: string[] = [];
  for (const path of cookiePaths(location.pathname))
    for (const domain of ["", ...cookieDomains(location.hostname, publicSuffix)])
      out.push(`${name}=; Max-Age=0; Path=${path}${domain && `; Domain=${domain}`}${secure}`);
  return out;
}
