import { expiringCookies, nameMatches, type SiteService } from "@assent/core";

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
          for (const line of expiringCookies(name, location.hostname, location.pathname))
            document.cookie = line;
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
