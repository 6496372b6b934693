import {
  type ConsentRecord,
  encodeConsentCookie,
  expiresAt,
  type ValidityScope,
} from "@assent/core";

/** Name of the first-party cookie that holds the decision (read with `decodeConsentCookie`). */
export const COOKIE_NAME = "assent";

/**
 * Writes one of Assent's first-party cookies: on the page's host (no `Domain`), for every path,
 * `SameSite=Lax`, `Secure` on HTTPS; `maxAge` 0 deletes it.
 */
export function writeCookie(name: string, value: string, maxAge: number): void {
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${name}=${value}; Path=/; Max-Age=${maxAge}; SameSite=Lax${secure}`;
}

/**
 * Stores a decision in the first-party cookie until it expires, its services that follow their
 * category written as such (`encodeConsentCookie`).
 */
export function writeRecord(record: ConsentRecord, scope: ValidityScope): void {
  const maxAge = Math.max(0, Math.floor((expiresAt(record, scope) - Date.now()) / 1000));
  writeCookie(COOKIE_NAME, encodeConsentCookie(record, scope), maxAge);
}
