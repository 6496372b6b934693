import * as v from "valibot";
import { CONSENT_METHODS } from "./decision";
import { SUBJECT_ID, UUID_V7 } from "./ids";
import {
  ID_PATTERN,
  LANGUAGE_TAG_PATTERN,
  POLICY_VERSION_PATTERN,
  RESERVED_IDS,
  SITE_KEY_PATTERN,
  WORDING_PATTERN,
} from "./patterns";

const MAX_ENTRIES = 64;

const decisionMap = v.pipe(
  // valibot's record skips `__proto__`, `prototype` and `constructor` keys: refuse them instead.
  v.custom<Record<string, unknown>>(
    (m) =>
      typeof m === "object" &&
      m !== null &&
      !Object.keys(m).some((k) => k === "__proto__" || RESERVED_IDS.includes(k as never)),
    `ids must not be __proto__, ${RESERVED_IDS.join(" or ")}`,
  ),
  v.record(
    v.pipe(v.string(), v.regex(ID_PATTERN, "ids must be lower-case letters, digits and hyphens")),
    v.boolean(),
  ),
  v.check((m) => Object.keys(m).length <= MAX_ENTRIES, `at most ${MAX_ENTRIES} entries`),
);

/**
 * What the SDK sends for every decision (`POST /v1/receipts`). The id is made by the client so a
 * retry is idempotent; everything the server knows better (time, IP, user agent) is added there.
 */
export const ReceiptInputSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(UUID_V7, "must be a UUIDv7")),
  siteKey: v.pipe(v.string(), v.regex(SITE_KEY_PATTERN, "must be a site key")),
  subjectId: v.pipe(v.string(), v.regex(SUBJECT_ID, "must be 22 base64url characters")),
  policyVersion: v.pipe(v.string(), v.regex(POLICY_VERSION_PATTERN, "must be a policy version")),
  configHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, "must be a SHA-256 hex digest")),
  language: v.pipe(v.string(), v.regex(LANGUAGE_TAG_PATTERN, "must be a language tag")),
  /**
   * The SDK's standard wording the visitor was shown (the banner's and the preference centre's
   * built-in texts in every language): the eight-character hash of the SDK build's language set,
   * as in its `lang/LL-HASH.js` file names. `configHash` covers the site's own texts; this covers
   * the ones it did not override. The server keeps the texts under it (`GET
   * /v1/admin/sites/:site/wordings/:hash`) for as long as a receipt names it. Optional: loaders
   * cached from before it existed send none.
   */
  wording: v.optional(
    v.pipe(
      v.string(),
      v.regex(WORDING_PATTERN, "must be the 8-character hash of the SDK's standard wording"),
    ),
  ),
  method: v.picklist(CONSENT_METHODS, "must be a consent method"),
  decision: v.strictObject({ categories: decisionMap, services: decisionMap }),
  gpc: v.boolean(),
  pagePath: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(512),
      // No control characters and no lone surrogates: the path is signed as received, and the
      // database would store such text otherwise (cut at a NUL, a surrogate replaced), so the
      // stored receipt would no longer match its signature. A browser's `location.pathname`
      // is percent-encoded and never holds them.
      v.regex(
        /^\/[^?#\p{Cc}\p{Cs}]*$/u,
        "must be a path without query, fragment or control characters",
      ),
    ),
  ),
  /**
   * The subject's receipt this one follows. The server keeps it only when it names a receipt of
   * the same site and the same subject, not erased, and stores (and signs) `null` otherwise.
   */
  previousId: v.optional(v.nullable(v.pipe(v.string(), v.regex(UUID_V7, "must be a UUIDv7")))),
});

/** A receipt as the SDK sends it. */
export type ReceiptInput = v.InferOutput<typeof ReceiptInputSchema>;

/** A receipt as stored and returned by the API: the client's fields plus the server's. */
export interface StoredReceipt extends ReceiptInput {
  /** Server time of storage, ISO 8601 UTC. The client clock is never trusted. */
  serverTime: string;
  /** Truncated IP address (/24 or /48), or `null` when the site stores none. */
  ip: string | null;
  userAgent: string | null;
  /** Whether the request carried `Sec-GPC: 1`. */
  gpcHeader: boolean;
  /** ISO 3166-1 country from the trusted proxy's headers, or `null` when unknown. */
  jurisdiction: string | null;
  /**
   * ISO 3166-2 subdivision (`US-CA`) from the trusted proxy's headers. Absent when the proxy gave
   * none, and on receipts stored before subdivisions were recorded.
   */
  subdivision?: string;
  /**
   * Id of the configuration's rule that applied to the visitor (`selectRule`, from the server's
   * trusted location). Absent for a site without `jurisdictions`, and on older receipts.
   */
  ruleId?: string;
  /** Version of the published configuration `configHash` names. Absent on older receipts. */
  configVersion?: number;
  /** The same subject's receipt this one follows, as the server found it; `null` for none. */
  previousId: string | null;
  pagePath?: string;
  /**
   * The server's signature. `digest` is the SHA-256 (hex) of the canonical JSON of the signed
   * fields (`SIGNED_RECEIPT_FIELDS`); `signature` is Ed25519 (base64url) over the digest's ASCII
   * bytes by the site key `kid` (see `GET /v1/sites/:key/jwks`). Absent on receipts stored before
   * signing existed.
   */
  proof?: ReceiptProof;
}

/** How a stored receipt proves itself. */
export interface ReceiptProof {
  alg: "EdDSA";
  kid: string;
  digest: string;
  signature: string;
}

/** One page of a keyset-paginated listing. */
export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; `null` on the last page. */
  nextCursor: string | null;
}

/** Every API error has this shape. */
export interface ApiError {
  error: { code: string; message: string };
}

/**
 * Validates an untrusted receipt body. Returns the receipt, or the first problem as
 * `path: message` (e.g. `decision.categories: ids must be lower-case ...`).
 */
export function parseReceiptInput(
  body: unknown,
): { ok: true; value: ReceiptInput } | { ok: false; message: string } {
  const result = v.safeParse(ReceiptInputSchema, body);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join(".");
  return { ok: false, message: path ? `${path}: ${issue.message}` : issue.message };
}
