/**
 * Where a cookie set by a script on a page can live, so that withdrawal can delete it: the host,
 * every parent domain down to the registrable one (never a public suffix such as `co.uk`), and
 * every path above the page.
 */

/** Second-level labels that, under a two-letter country TLD, form a public suffix (`co.uk`). */
const COUNTRY_SECOND_LEVEL =
  /^(ac|asn|co|com|edu|gov|govt|id|ltd|me|mil|ne|net|nhs|nom|or|org|plc|police|sch)$/;

/** Suffixes from the private part of the Public Suffix List that sites are commonly hosted on. */
const HOSTING_SUFFIXES = [
  "github.io",
  "gitlab.io",
  "netlify.app",
  "vercel.app",
  "pages.dev",
  "workers.dev",
  "web.app",
  "firebaseapp.com",
  "herokuapp.com",
  "azurewebsites.net",
  "cloudfront.net",
  "blogspot.com",
  "wordpress.com",
];

/** Whether `domain` is a public suffix, under which no site may set a cookie. */
export function isPublicSuffix(domain: string): boolean {
  const labels = domain.split(".");
  if (labels.length === 1) return true;
  if (HOSTING_SUFFIXES.includes(domain)) return true;
  return (
    labels.length === 2 &&
    (labels[1] as string).length === 2 &&
    COUNTRY_SECOND_LEVEL.test(labels[0] as string)
  );
}

const IP = /^(\d{1,3}(\.\d{1,3}){3}|\[?[0-9a-f:]+\]?)$/i;

/**
 * The domains a cookie visible on `hostname` can have been set for, most specific first: the
 * host itself, then each parent down to the registrable domain. An IP address or a single-label
 * host (`localhost`) has only itself.
 * @example cookieDomains("www.shop.example.co.uk") // ["www.shop.example.co.uk", "shop.example.co.uk", "example.co.uk"]
 */
export function cookieDomains(hostname: string): string[] {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (IP.test(host) || !host.includes(".")) return [host];
  const out: string[] = [];
  for (let d = host; d.includes(".") && !isPublicSuffix(d); d = d.slice(d.indexOf(".") + 1)) {
    out.push(d);
  }
  return out.length ? out : [host];
}

/**
 * The paths a cookie visible on `pathname` can have been set for: `/` and every directory above
 * the page, with and without its trailing slash.
 * @example cookiePaths("/news/2024/item.html") // ["/", "/news", "/news/", "/news/2024", "/news/2024/"]
 */
export function cookiePaths(pathname: string): string[] {
  const out = ["/"];
  const segments = pathname.split("/").slice(1, -1);
  let path = "";
  for (const segment of segments) {
    if (!segment) continue;
    path += `/${segment}`;
    out.push(path, `${path}/`);
  }
  return out;
}

/**
 * The `document.cookie` assignments that delete a cookie wherever it can live for a page: as a
 * host-only cookie and on every domain of `cookieDomains`, on every path of `cookiePaths`.
 * @example for (const line of expiringCookies("_ga", location.hostname, location.pathname)) document.cookie = line;
 */
export function expiringCookies(name: string, hostname: string, pathname: string): string[] {
  const out: string[] = [];
  const domains = ["", ...cookieDomains(hostname).map((d) => `; Domain=${d}`)];
  for (const path of cookiePaths(pathname)) {
    for (const domain of domains)
      out.push(`${name}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=${path}${domain}`);
  }
  return out;
}
