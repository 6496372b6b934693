import type { ReceiptRow } from "./receipt-store";

/** A receipt ready to append, with its categories (denormalised for filters and rollups). */
export interface ReceiptWrite {
  row: ReceiptRow;
  categories: Record<string, boolean>;
  /** Set when the commit signs the receipt (`WriterLimits.signsOnCommit`). */
  sign?: PendingSignature;
}

/** A receipt signature left to the commit: Ed25519 with `key` over the digest's ASCII bytes. */
export interface PendingSignature {
  kid: string;
  key: CryptoKey;
  digest: string;
}

/**
 * Stands in for the signature argument of a receipt signed by the commit: the committer replaces
 * `SIGNATURE_SLOT + i` with the signature of the `i`-th pending signature of the batch.
 */
export const SIGNATURE_SLOT = "\u0000assent-signature:";

/** One SQL statement with its positional arguments. */
export interface Statement {
  sql: string;
  args: Array<string | number | null>;
}

const DAY_MS = 86_400_000;

/** Days since the Unix epoch (UTC), the `day` of the rollup tables. */
export const utcDay = (ms: number): number => Math.floor(ms / DAY_MS);

const RECEIPT_COLUMNS = [
  "id",
  "site_id",
  "subject_id",
  "server_time",
  "policy_version",
  "config_hash",
  "language",
  "method",
  "decision",
  "gpc",
  "gpc_header",
  "page_path",
  "previous_id",
  "ip",
  "user_agent",
  "jurisdiction",
  "digest",
  "signature",
  "key_id",
  "erased_at",
];

const receiptArgs = (r: ReceiptRow): Statement["args"] => [
  r.id,
  r.siteId,
  r.subjectId,
  r.serverTime,
  r.policyVersion,
  r.configHash,
  r.language,
  r.method,
  r.decision,
  r.gpc ? 1 : 0,
  r.gpcHeader ? 1 : 0,
  r.pagePath,
  r.previousId,
  r.ip,
  r.userAgent,
  r.jurisdiction,
  r.digest,
  r.signature,
  r.keyId,
  r.erasedAt,
];

/** Multi-row INSERTs of `rows` (each `width` values), at most `maxParams` arguments each. */
function inserts(
  head: string,
  width: number,
  rows: Statement["args"][],
  maxParams: number,
  tail = "",
): Statement[] {
  const perStatement = Math.max(1, Math.floor(maxParams / width));
  const tuple = `(${Array(width).fill("?").join(",")})`;
  const out: Statement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const part = rows.slice(i, i + perStatement);
    out.push({
      sql: `${head} VALUES ${Array(part.length).fill(tuple).join(",")}${tail}`,
      args: part.flat(),
    });
  }
  return out;
}

/**
 * The statements that append receipts: the rows, one `receipt_categories` row per category, and
 * the daily rollups summed over the whole set. Run them in one batch (one transaction) so the
 * log and its rollups never disagree. Plain SQL with positional arguments: building thousands of
 * rows through the query builder costs more than committing them. `maxParams` bounds the
 * arguments per statement (D1 allows 100).
 */
export function appendStatements(writes: ReceiptWrite[], maxParams: number): Statement[] {
  const categoryRows: Statement["args"][] = [];
  const methods = new Map<string, Statement["args"]>();
  const cats = new Map<string, Statement["args"]>();
  for (const { row, categories } of writes) {
    const day = utcDay(row.serverTime);
    const mKey = `${row.siteId}|${day}|${row.policyVersion}|${row.method}`;
    const m = methods.get(mKey);
    if (m) (m[4] as number)++;
    else methods.set(mKey, [row.siteId, day, row.policyVersion, row.method, 1]);
    for (const category in categories) {
      const granted = categories[category] === true;
      categoryRows.push([row.id, row.siteId, category, granted ? 1 : 0, row.serverTime]);
      const cKey = `${row.siteId}|${day}|${row.policyVersion}|${category}`;
      const c = cats.get(cKey) ?? [row.siteId, day, row.policyVersion, category, 0, 0];
      (c[granted ? 4 : 5] as number)++;
      cats.set(cKey, c);
    }
  }
  return [
    ...inserts(
      `INSERT INTO receipts (${RECEIPT_COLUMNS.join(",")})`,
      RECEIPT_COLUMNS.length,
      writes.map((w) => receiptArgs(w.row)),
      maxParams,
    ),
    ...inserts(
      "INSERT INTO receipt_categories (receipt_id,site_id,category,granted,server_time)",
      5,
      categoryRows,
      maxParams,
    ),
    ...inserts(
      "INSERT INTO daily_method_stats (site_id,day,policy_version,method,count)",
      5,
      [...methods.values()],
      maxParams,
      " ON CONFLICT (site_id,day,policy_version,method) DO UPDATE SET count = count + excluded.count",
    ),
    ...inserts(
      "INSERT INTO daily_category_stats (site_id,day,policy_version,category,granted,denied)",
      6,
      [...cats.values()],
      maxParams,
      " ON CONFLICT (site_id,day,policy_version,category) DO UPDATE SET granted = granted + excluded.granted, denied = denied + excluded.denied",
    ),
  ];
}
