import { writeCookie } from "../loader/consent-store";

/** Prefix of the loader's write-ahead entries in `localStorage`: `assent:q:RECEIPT_ID`. */
export const WRITE_AHEAD = "assent:q:";
/** Set in `localStorage` while IndexedDB holds unsent receipts. */
export const PENDING_FLAG = "assent:queue";
/** What both start with. */
export const OUTBOX_PREFIX = "assent:q";
/**
 * The first-party cookie set while receipts wait to be sent (`assent_q=1`): the loader's cue to
 * load the outbox on the next page view. A page view reads `document.cookie` anyway; opening
 * `localStorage` costs a synchronous round trip to the browser that most page views need not pay.
 */
export const PENDING_COOKIE = "assent_q";

/** Sets (`true`) or deletes the cue, written like the consent cookie (`writeCookie`). */
export function cuePending(pending: boolean): void {
  writeCookie(PENDING_COOKIE, pending ? "1" : "", pending ? 34_560_000 : 0);
}
