import {
  type ConsentRecord,
  decodeConsentCookie,
  encodeConsentCookie,
  expiresAt,
  readCookie,
  type ValidityScope,
} from "@assent/core";

/** Name of the first-party cookie that holds the decision. */
export const COOKIE_NAME = "assent";

/** Reads the stored decision; anything unreadable is no decision. */
export function readRecord(): ConsentRecord | null {
  return decodeConsentCookie(readCookie(document.cookie, COOKIE_NAME));
}

/**
 * Writes one of Assent's first-party cookies: on the page's host (no `Domain`), for every path,
 * `SameSite=Lax`, `Secure` on HTTPS; `maxAge` 0 deletes it.
 */
export function writeCookie(name: string, value: string, maxAge: number): void {
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${name}=${value}; Path=/; Max-Age=${maxAge}; SameSite=Lax${secure}`;
}

/** Stores a decision in the first-party cookie until it expires. */
export function writeRecord(record: ConsentRecord, scope: ValidityScope): void {
  const maxAge = Math.max(0, Math.floor((expiresAt(record, scope) - Date.now()) / 1000));
  writeCookie(COOKIE_NAME, encodeConsentCookie(record), maxAge);
}
