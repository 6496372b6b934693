/** Prefix of the loader's write-ahead entries in `localStorage`: `assent:q:RECEIPT_ID`. */
export const WRITE_AHEAD = "assent:q:";
/** Set in `localStorage` while IndexedDB holds unsent receipts: the loader's cue to flush. */
export const PENDING_FLAG = "assent:queue";
/** What both start with, so one check at page load finds either. */
export const OUTBOX_PREFIX = "assent:q";
