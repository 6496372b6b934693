import { expiringCookies, nameMatches, type SiteService } from "@assent/core";

/** The names of the cookies in a cookie string (by default, those this page can read now). */
const cookieNames = (cookies = document.cookie) =>
  cookies.split(";").map((part) => part.split("=")[0]?.trim() ?? "");

/** A storage area's keys (`localStorage` by default), none where it is blocked for this page. */
function storageKeys(area: () => Storage = () => localStorage): string[] {
  try {
    return Object.keys(area());
  } catch {
    // Storage is blocked for this page: nothing of theirs can be in it.
    return [];
  }
}

/**
 * Whether any of these services left something in this browser: a cookie of theirs among
 * `cookies` (the page's cookies as the loader read them with the decision) or, where `storage`
 * is asked for, a `localStorage` key. Cheap enough for every page view: nothing is read when no
 * service is given, and `localStorage` (a synchronous round trip to the browser on a page's
 * first use, 9 to 44 ms of a throttled page) only when one of them keeps something there.
 * `clearServices` (in the choice module) deletes what is found.
 */
export function leftBehind(
  services: readonly SiteService[],
  cookies: string,
  storage: boolean,
): boolean {
  const found = (names: () => string[], patterns: string[]) =>
    patterns.length > 0 && names().some((name) => patterns.some((p) => nameMatches(name, p)));
  return (
    found(
      () => cookieNames(cookies),
      services.flatMap((service) => (service.cookies ?? []).map((c) => c.name)),
    ) ||
    (storage &&
      found(
        storageKeys,
        services.flatMap((service) => service.storage ?? []),
      ))
  );
}

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
 * parent domain where they can live and on every path above the page) and their keys in
 * `localStorage` and `sessionStorage`. Only names actually present are touched.
 */
export function clearServices<T extends SiteService>(services: readonly T[]): readonly T[] {
  for (const service of services) {
    for (const cookie of service.cookies ?? [])
      for (const name of cookieNames())
        if (nameMatches(name, cookie.name))
          for (const line of expiringCookies(name, location, publicSuffix)) document.cookie = line;
    for (const area of [() => localStorage, () => sessionStorage])
      for (const pattern of service.storage ?? [])
        for (const key of storageKeys(area)) if (nameMatches(key, pattern)) area().removeItem(key);
  }
  return services;
}
