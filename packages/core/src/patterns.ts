/**
 * The shapes of identifiers, kept apart from the schemas so the browser loader can use them
 * without pulling in the schema library.
 */

/**
 * Ids that a plain object or the schema library treats specially (valibot's `record` drops
 * `constructor` and `prototype` keys), so a category or service by that name would vanish from
 * every decision: refused wherever an id is read.
 */
export const RESERVED_IDS = ["constructor", "prototype"] as const;

/** Ids of categories and services: lower-case letters, digits and hyphens, not a reserved word. */
export const ID_PATTERN = /^(?!(?:constructor|prototype)$)[a-z0-9][a-z0-9-]{0,39}$/;

/** A site key as it appears in `/s/SITE_KEY.js`. */
export const SITE_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** A policy version: what the site owner bumps to ask every visitor again. */
export const POLICY_VERSION_PATTERN = /^[A-Za-z0-9._-]{1,32}$/;

/**
 * A language tag as a page, a browser or a receipt gives it (BCP 47, simplified): a 2–3 letter
 * language and up to three subtags, e.g. `en`, `fr-CA`, `zh-Hant-TW`.
 */
export const LANGUAGE_TAG_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;

/**
 * The SDK's standard wording as a receipt names it (`wording`): the eight base64url characters of
 * the language set's hash, the one every `lang/LL-HASH.js` file of that SDK build carries.
 */
export const WORDING_PATTERN = /^[A-Za-z0-9_-]{8}$/;
