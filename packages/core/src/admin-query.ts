/**
 * Query shapes of the admin API's reads (receipts, exports, statistics, subjects) and their
 * answers. Query strings arrive as text: the schemas check the text and turn it into values.
 */
import * as v from "valibot";
import { CONSENT_METHODS, type ConsentMethod } from "./decision";
import { SUBJECT_ID, UUID_V7 } from "./ids";
import { ID_PATTERN, POLICY_VERSION_PATTERN, SITE_KEY_PATTERN } from "./patterns";
import type { Page, StoredReceipt } from "./receipt";

const siteParam = v.pipe(
  v.string("say which site with ?site=KEY"),
  v.regex(SITE_KEY_PATTERN, "must be a site key"),
);

/**
 * Whether an ISO 8601 date or date-time names a day and time that exist: `Date.parse` rolls
 * 2023-02-29 over to 1 March and reads `T24:00` as the next day, so a filter would silently
 * cover another range than the one asked for.
 * @example isRealDate("2024-02-29") // true
 * @example isRealDate("2023-02-29") // false
 */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?)?/.exec(text);
  if (!m) return false;
  const wall = `${m[1]}T${m[2] ?? "00:00"}${m[3] ?? ":00"}`;
  const at = Date.parse(`${wall}Z`);
  const offset = /[+-](\d{2}):(\d{2})$/.exec(text);
  return (
    !Number.isNaN(at) &&
    new Date(at).toISOString().startsWith(wall) &&
    (!offset || (Number(offset[1]) <= 23 && Number(offset[2]) <= 59)) &&
    !Number.isNaN(Date.parse(text))
  );
}

/** An instant as ISO 8601 (`2026-01-31` or `2026-01-31T12:00:00Z`), read as ms since epoch. */
const instant = v.pipe(
  v.string(),
  v.regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/,
    "must be an ISO 8601 date or date-time",
  ),
  v.check(isRealDate, "must be a real date"),
  v.transform((s) => Date.parse(s)),
  v.metadata({ openapi: { type: "string", format: "date-time" } }),
);

/** A calendar day (UTC) as `YYYY-MM-DD`, read as days since the Unix epoch. */
const day = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-01-31"),
  v.check(isRealDate, "must be a real date"),
  v.transform((s) => Math.floor(Date.parse(s) / 86_400_000)),
  v.metadata({ openapi: { type: "string", format: "date" } }),
);

const idList = v.pipe(
  v.string(),
  v.regex(
    /^[a-z0-9][a-z0-9-]{0,39}(,[a-z0-9][a-z0-9-]{0,39}){0,7}$/,
    "must be up to 8 category ids, comma-separated",
  ),
  v.transform((s) => [...new Set(s.split(","))]),
  v.metadata({ openapi: { type: "string", description: "comma-separated category ids" } }),
);

/** Filters shared by the receipts listing and the exports. */
export const receiptFilterEntries = {
  site: siteParam,
  from: v.optional(instant),
  to: v.optional(instant),
  method: v.optional(v.picklist(CONSENT_METHODS, "must be a consent method")),
  policyVersion: v.optional(
    v.pipe(v.string(), v.regex(POLICY_VERSION_PATTERN, "must be a policy version")),
  ),
  subject: v.optional(v.pipe(v.string(), v.regex(SUBJECT_ID, "must be a subject id"))),
  id: v.optional(v.pipe(v.string(), v.regex(UUID_V7, "must be a receipt id (UUIDv7)"))),
  granted: v.optional(idList),
  denied: v.optional(idList),
  /** A country (`GB`) or a subdivision (`US-CA`) the receipts were collected in. */
  jurisdiction: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, "must be a country (GB) or a subdivision (US-CA)"),
    ),
  ),
  /** The id of the configuration's rule that applied (`eu-eea`, `uk`, ...). */
  rule: v.optional(v.pipe(v.string(), v.regex(ID_PATTERN, "must be a rule id"))),
};

const limit = v.pipe(
  v.string(),
  v.regex(/^\d{1,4}$/, "must be an integer from 1 to 500"),
  v.transform(Number),
  v.minValue(1, "must be an integer from 1 to 500"),
  v.maxValue(500, "must be an integer from 1 to 500"),
  v.metadata({ openapi: { type: "integer", minimum: 1, maximum: 500, default: 50 } }),
);

/** `GET /v1/admin/receipts`: newest first, keyset-paginated. */
export const ReceiptQuerySchema = v.strictObject({
  ...receiptFilterEntries,
  limit: v.optional(limit, "50"),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
});
export type ReceiptQuery = v.InferInput<typeof ReceiptQuerySchema>;
/** The filters once parsed. */
export type ReceiptFilter = Omit<v.InferOutput<typeof ReceiptQuerySchema>, "limit" | "cursor">;

/** Export formats: CSV, NDJSON (one stored receipt a line), ISO/IEC TS 27560-shaped JSON. */
export const EXPORT_FORMATS = ["csv", "ndjson", "iso27560"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * `GET /v1/admin/exports`: a streamed export of the filtered receipts, oldest first. A response
 * that holds only the first part of them (where the server limits what one response may do)
 * ends with a continuation marker naming the `cursor` of the next part.
 */
export const ExportQuerySchema = v.strictObject({
  ...receiptFilterEntries,
  format: v.picklist(EXPORT_FORMATS, "must be csv, ndjson or iso27560"),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
});
export type ExportQuery = v.InferInput<typeof ExportQuerySchema>;

/** Longest range of statistics one request may ask for. */
export const MAX_STATS_DAYS = 400;

/** `GET /v1/admin/stats`: daily statistics from the rollups, `from` and `to` inclusive. */
export const StatsQuerySchema = v.pipe(
  v.strictObject({
    site: siteParam,
    from: day,
    to: day,
    policyVersion: v.optional(
      v.pipe(v.string(), v.regex(POLICY_VERSION_PATTERN, "must be a policy version")),
    ),
  }),
  v.check((q) => q.from <= q.to, "from must not be after to"),
  v.check((q) => q.to - q.from < MAX_STATS_DAYS, `at most ${MAX_STATS_DAYS} days at once`),
);
export type StatsQuery = v.InferInput<typeof StatsQuerySchema>;

/** A receipt as the admin API shows it: the stored receipt, its proof, and whether it was erased. */
export type AdminReceipt = StoredReceipt & {
  /** SHA-256 (hex) of the canonical JSON of the signed fields; kept after erasure. */
  digest: string | null;
  /** Ed25519 (base64url) over the ASCII bytes of `digest`, by the key `keyId`. */
  signature: string | null;
  keyId: string | null;
  /** When the subject's personal fields were erased (ISO 8601), or `null`. */
  erasedAt: string | null;
};

/** `GET /v1/admin/receipts` answer. */
export type ReceiptPage = Page<AdminReceipt>;

/** An erasure of a subject id on a site, as its audit entry records it. */
export interface SubjectErasure {
  /** When (ISO 8601). */
  at: string;
  /** The `subject.erase` audit entry. */
  auditId: number;
}

/** `GET /v1/admin/subjects/:subjectId`: everything held for one subject id, oldest first. */
export interface SubjectRecords {
  site: string;
  subjectId: string;
  /** The receipts, oldest first: at most 10,000. */
  receipts: AdminReceipt[];
  /** How many receipts are held in all: more than `receipts` lists when it was cut. */
  held: number;
  /**
   * The latest erasure of this subject id on the site, or `null` when it was never erased: an
   * empty `receipts` then says the records were erased, not that none were ever held.
   */
  lastErasure: SubjectErasure | null;
}

/**
 * `DELETE /v1/admin/subjects/:subjectId` answer: what was erased, and the audit entry. When
 * nothing was held because an earlier erasure had erased it all, `alreadyErased` is `true`,
 * `erased` is 0, and `erasedAt` and `auditId` are that earlier erasure's.
 */
export interface ErasureResult {
  site: string;
  erased: number;
  receiptIds: string[];
  erasedAt: string;
  auditId: number;
  alreadyErased: boolean;
}

/** How many receipts granted and denied a category, and the share that granted. */
export interface CategoryRate {
  granted: number;
  denied: number;
  /** granted / (granted + denied), or `null` when nobody decided. */
  optInRate: number | null;
}

/** Counts over some set of receipts. */
export interface StatsBucket {
  total: number;
  methods: Record<ConsentMethod, number>;
  categories: Record<string, CategoryRate>;
}

/** How many receipts each method made over some set of receipts. */
export interface MethodCounts {
  total: number;
  methods: Record<ConsentMethod, number>;
}

/** `GET /v1/admin/stats` answer: every day of the range (empty days included). */
export interface SiteStats {
  site: string;
  from: string;
  to: string;
  totals: StatsBucket;
  byPolicyVersion: Record<string, StatsBucket>;
  /**
   * Methods by place over the range: the subdivision (`US-CA`) where known, else the country
   * (`FR`), else `unknown`. Accept, reject, objection and opt-out rates by jurisdiction.
   */
  byJurisdiction?: Record<string, MethodCounts>;
  /** Methods by the rule that applied (`eu-eea`, `uk`, ...; `none` for a site without rules). */
  byRule?: Record<string, MethodCounts>;
  days: Array<StatsBucket & { date: string; byPolicyVersion: Record<string, StatsBucket> }>;
}

/** Ids the receipt filters accept for categories. */
export const CATEGORY_ID = ID_PATTERN;
