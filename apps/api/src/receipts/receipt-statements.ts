import type { RowStatement } from "@assent/db";
import type { ReceiptRow } from "./receipt-store";

/** A signed receipt ready to append, with its categories (denormalised for filters and rollups). */
export interface ReceiptWrite {
  row: ReceiptRow;
  categories: Record<string, boolean>;
}

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
  "subdivision",
  "rule_id",
  "config_version",
  "wording",
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
  r.subdivision,
  r.ruleId,
  r.configVersion,
  r.wording,
  r.digest,
  r.signature,
  r.keyId,
  r.erasedAt,
];

/**
 * The rows a set of receipts appends, table by table, each row's values in the order of its
 * table's `APPEND_TABLES` columns: the receipts, one `receipt_categories` row per category, and
 * the daily rollups summed over the whole set (added to the stored counts on conflict).
 */
export interface AppendRows {
  receipts: Statement["args"][];
  categories: Statement["args"][];
  methodStats: Statement["args"][];
  categoryStats: Statement["args"][];
  jurisdictionStats: Statement["args"][];
}

/** How each table of `AppendRows` is written: `head VALUES (...)[, (...)] tail`. */
const APPEND_TABLES: Record<keyof AppendRows, { head: string; width: number; tail: string }> = {
  receipts: {
    head: `INSERT INTO receipts (${RECEIPT_COLUMNS.join(",")})`,
    width: RECEIPT_COLUMNS.length,
    tail: "",
  },
  categories: {
    head: "INSERT INTO receipt_categories (receipt_id,site_id,category,granted,server_time)",
    width: 5,
    tail: "",
  },
  methodStats: {
    head: "INSERT INTO daily_method_stats (site_id,day,policy_version,method,count)",
    width: 5,
    tail: " ON CONFLICT (site_id,day,policy_version,method) DO UPDATE SET count = count + excluded.count",
  },
  categoryStats: {
    head: "INSERT INTO daily_category_stats (site_id,day,policy_version,category,granted,denied)",
    width: 6,
    tail: " ON CONFLICT (site_id,day,policy_version,category) DO UPDATE SET granted = granted + excluded.granted, denied = denied + excluded.denied",
  },
  jurisdictionStats: {
    head: "INSERT INTO daily_jurisdiction_stats (site_id,day,policy_version,jurisdiction,rule_id,method,count)",
    width: 7,
    tail: " ON CONFLICT (site_id,day,policy_version,jurisdiction,rule_id,method) DO UPDATE SET count = count + excluded.count",
  },
};

const tuple = (width: number) => `(${Array(width).fill("?").join(",")})`;

/**
 * `rows` as one single-row statement per table and the rows it runs for: a committer that keeps
 * prepared statements (the Node commit thread) prepares these once and runs them per row.
 */
export function tableStatements(rows: AppendRows): RowStatement[] {
  return (Object.keys(APPEND_TABLES) as (keyof AppendRows)[])
    .filter((table) => rows[table].length > 0)
    .map((table) => {
      const { head, width, tail } = APPEND_TABLES[table];
      return { sql: `${head} VALUES ${tuple(width)}${tail}`, rows: rows[table] };
    });
}

/** The rows that append `writes` (see `AppendRows`). */
export function appendRows(writes: ReceiptWrite[]): AppendRows {
  const rows: AppendRows = {
    receipts: [],
    categories: [],
    methodStats: [],
    categoryStats: [],
    jurisdictionStats: [],
  };
  const methods = new Map<string, Statement["args"]>();
  const places = new Map<string, Statement["args"]>();
  const cats = new Map<string, Statement["args"]>();
  for (const { row, categories } of writes) {
    rows.receipts.push(receiptArgs(row));
    const day = utcDay(row.serverTime);
    const mKey = `${row.siteId}|${day}|${row.policyVersion}|${row.method}`;
    const m = methods.get(mKey);
    if (m) (m[4] as number)++;
    else methods.set(mKey, [row.siteId, day, row.policyVersion, row.method, 1]);
    const place = row.subdivision ?? row.jurisdiction ?? "";
    const rule = row.ruleId ?? "";
    const pKey = `${mKey}|${place}|${rule}`;
    const p = places.get(pKey);
    if (p) (p[6] as number)++;
    else places.set(pKey, [row.siteId, day, row.policyVersion, place, rule, row.method, 1]);
    for (const category in categories) {
      const granted = categories[category] === true;
      rows.categories.push([row.id, row.siteId, category, granted ? 1 : 0, row.serverTime]);
      const cKey = `${row.siteId}|${day}|${row.policyVersion}|${category}`;
      const c = cats.get(cKey) ?? [row.siteId, day, row.policyVersion, category, 0, 0];
      (c[granted ? 4 : 5] as number)++;
      cats.set(cKey, c);
    }
  }
  rows.methodStats = [...methods.values()];
  rows.categoryStats = [...cats.values()];
  rows.jurisdictionStats = [...places.values()];
  return rows;
}

/**
 * `rows` as multi-row INSERTs, at most `maxParams` arguments per statement (D1 allows 100).
 * Run them in one batch (one transaction) so the log and its rollups never disagree. Plain SQL
 * with positional arguments: building thousands of rows through the query builder costs more
 * than committing them.
 */
export function rowStatements(rows: AppendRows, maxParams: number): Statement[] {
  const out: Statement[] = [];
  for (const table of Object.keys(APPEND_TABLES) as (keyof AppendRows)[]) {
    const { head, width, tail } = APPEND_TABLES[table];
    const perStatement = Math.max(1, Math.floor(maxParams / width));
    const all = rows[table];
    for (let i = 0; i < all.length; i += perStatement) {
      const part = all.slice(i, i + perStatement);
      out.push({
        sql: `${head} VALUES ${Array(part.length).fill(tuple(width)).join(",")}${tail}`,
        args: part.flat(),
      });
    }
  }
  return out;
}

/** The statements that append `writes`: `rowStatements(appendRows(writes), maxParams)`. */
export const appendStatements = (writes: ReceiptWrite[], maxParams: number): Statement[] =>
  rowStatements(appendRows(writes), maxParams);
