import { expiringCookies, nameMatches, type SiteService } from "@assent/core";

/**
 * Whether a domain is a public suffix, asked of the browser (which knows the whole Public Suffix
 * List): it refuses a cookie for one. This is how analytics tags find their own cookie domain.
 */
function publicSuffix(domain: string): boolean {
  document.cookie = `assent_probe=1; Domain=${domain}`;
  const refused = !document.cookie.includes("assent_probe");
  document.cookie = `assent_probe=; Max-Age=0; Domain=${domain}`;
  return refused;
}

/**
 * Deletes what the given services left in this browser: their cookies (on the host, on every
 * parent domain where they can live and on every path above the page) and their `localStorage`
 * keys. Only names actually present are touched.
 */
export function clearServices<T extends SiteService>(services: T[]): T[] {
  for (const service of services) {
    for (const cookie of service.cookies ?? [])
      for (const part of document.cookie.split(";")) {
        const name = part.split("=")[0]?.trim() as string;
        if (nameMatches(name, cookie.name))
          for (const line of expiringCookies(name, location, publicSuffix)) document.cookie = line;
      }
    try {
      for (const pattern of service.storage ?? [])
        for (const key of Object.keys(localStorage))
          if (nameMatches(key, pattern)) localStorage.removeItem(key);
    } catch {
      // Storage is blocked for this page: nothing of theirs can be in it.
    }
  }
  return services;
}
