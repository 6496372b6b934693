import type { AdminReceipt, ReceiptFilter } from "@assent/core";
import { type Database, receiptCategories, receipts } from "@assent/db";
import { and, asc, desc, eq, gt, gte, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { toStoredReceipt } from "../receipts";

type Row = typeof receipts.$inferSelect;

/** A position in the log: the (serverTime, id) of the last row already read. */
export interface Keyset {
  serverTime: number;
  id: string;
}

/** Options of one batch of the log. */
export interface BatchOptions {
  limit: number;
  after?: Keyset | null;
  /** `desc` for the records table (newest first), `asc` for exports. */
  order: "desc" | "asc";
}

interface CategoryTest {
  category: string;
  granted: boolean;
}

function categoryTests(filter: ReceiptFilter): CategoryTest[] {
  return [
    ...(filter.granted ?? []).map((category) => ({ category, granted: true })),
    ...(filter.denied ?? []).map((category) => ({ category, granted: false })),
  ];
}

/**
 * The conditions of a `jurisdiction` filter: the country (`receipts_site_jurisdiction`), and the
 * subdivision too when one is named (`US-CA`).
 */
function jurisdictionTests(filter: ReceiptFilter): SQL[] {
  const place = filter.jurisdiction;
  if (!place) return [];
  const country = hint(eq(receipts.jurisdiction, place.slice(0, 2)), 0.1);
  return place.includes("-") ? [country, eq(receipts.subdivision, place)] : [country];
}

/**
 * Tells SQLite how rarely a condition holds (`likelihood`), still usable as an index constraint.
 * Without statistics the planner would rather walk `receipts_site_time` in order and filter than
 * use `receipts_site_subject`, `_method` or `_policy` and sort the few ties: on a million rows
 * that is a full walk for a subject id.
 */
function hint(condition: SQL | undefined, probability: number): SQL {
  return sql`likelihood(${condition}, ${sql.raw(String(probability))})`;
}

/**
 * Reads one batch of a site's receipts matching `filter`, in (serverTime, id) order. Every plan is
 * an index lookup: a receipt id uses the primary key, a subject id `receipts_site_subject`, a
 * category decision starts from `receipt_categories_filter`, anything else walks
 * `receipts_site_time` (or the method / policy indexes) within the time range.
 */
export async function readReceiptBatch(
  db: Database,
  siteId: number,
  filter: ReceiptFilter,
  options: BatchOptions,
): Promise<Row[]> {
  const built = receiptBatchQuery(db, siteId, filter, options);
  return built.kind === "categories"
    ? (await built.query).map((r) => r.receipt)
    : await built.query;
}

/** The query `readReceiptBatch` runs, unexecuted (its plan is checked in tests and the bench). */
export function receiptBatchQuery(
  db: Database,
  siteId: number,
  filter: ReceiptFilter,
  options: BatchOptions,
) {
  const tests = categoryTests(filter);
  const drive = tests[0] && !filter.subject && !filter.id ? tests[0] : null;
  const time = drive ? receiptCategories.serverTime : receipts.serverTime;
  const id = drive ? receiptCategories.receiptId : receipts.id;
  const before = options.order === "desc";
  const k = options.after;
  const keyset = k
    ? or(
        before ? lt(time, k.serverTime) : gt(time, k.serverTime),
        and(eq(time, k.serverTime), before ? lt(id, k.id) : gt(id, k.id)),
      )
    : undefined;
  const where: (SQL | undefined)[] = [
    filter.from !== undefined ? gte(time, filter.from) : undefined,
    filter.to !== undefined ? lte(time, filter.to) : undefined,
    keyset,
    filter.method ? hint(eq(receipts.method, filter.method), 0.05) : undefined,
    filter.policyVersion ? hint(eq(receipts.policyVersion, filter.policyVersion), 0.05) : undefined,
    filter.subject ? hint(eq(receipts.subjectId, filter.subject), 0.0001) : undefined,
    filter.id ? eq(receipts.id, filter.id) : undefined,
    ...jurisdictionTests(filter),
    filter.rule ? hint(eq(receipts.ruleId, filter.rule), 0.3) : undefined,
    ...tests
      .filter((t) => t !== drive)
      .map(
        (t) =>
          sql`exists (select 1 from ${receiptCategories} where ${receiptCategories.receiptId} = ${receipts.id} and ${receiptCategories.category} = ${t.category} and ${receiptCategories.granted} = ${t.granted ? 1 : 0})`,
      ),
  ];
  const direction = before ? desc : asc;
  if (drive) {
    const query = db
      .select({ receipt: receipts })
      .from(receiptCategories)
      .innerJoin(receipts, eq(receipts.id, receiptCategories.receiptId))
      .where(
        and(
          eq(receiptCategories.siteId, siteId),
          eq(receiptCategories.category, drive.category),
          eq(receiptCategories.granted, drive.granted),
          ...where,
        ),
      )
      .orderBy(direction(receiptCategories.serverTime), direction(receiptCategories.receiptId))
      .limit(options.limit);
    return { kind: "categories" as const, query };
  }
  const query = db
    .select()
    .from(receipts)
    .where(and(eq(receipts.siteId, siteId), ...where))
    .orderBy(direction(receipts.serverTime), direction(receipts.id))
    .limit(options.limit);
  return { kind: "receipts" as const, query };
}

/** A stored row as the admin API shows it. */
export function toAdminReceipt(row: Row, siteKey: string): AdminReceipt {
  return {
    ...toStoredReceipt(row, siteKey),
    digest: row.digest,
    signature: row.signature,
    keyId: row.keyId,
    erasedAt: row.erasedAt === null ? null : new Date(row.erasedAt).toISOString(),
  };
}

/**
 * Every batch of the filtered log, oldest first, `size` rows at a time: what exports stream.
 * `slice` limits it to one part: the rows after `after`, `maxRows` at most. Each read asks for
 * one row more than it yields, so the end is known without another query.
 * @returns where the rest of the log goes on (the last row yielded), or `null` when it ended
 */
export async function* receiptBatches(
  db: Database,
  siteId: number,
  filter: ReceiptFilter,
  size = 1000,
  slice: { after?: Keyset | null; maxRows?: number } = {},
): AsyncGenerator<Row[], Keyset | null> {
  let after = slice.after ?? null;
  let left = slice.maxRows ?? Number.POSITIVE_INFINITY;
  for (;;) {
    const want = Math.min(size, left);
    const rows = await readReceiptBatch(db, siteId, filter, {
      limit: want + 1,
      after,
      order: "asc",
    });
    const batch = rows.slice(0, want);
    const last = batch[batch.length - 1];
    if (last) yield batch;
    if (!last || rows.length <= want) return null;
    after = { serverTime: last.serverTime, id: last.id };
    left -= batch.length;
    if (left <= 0) return after;
  }
}

/**
 * How many receipts a subject has on a site, given the `listed` ones a capped read returned:
 * counted only when the read may have been cut (it returned `cap`).
 */
export async function subjectReceiptsHeld(
  db: Database,
  siteId: number,
  subjectId: string,
  listed: number,
  cap: number,
): Promise<number> {
  if (listed < cap) return listed;
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(receipts)
    .where(and(eq(receipts.siteId, siteId), eq(receipts.subjectId, subjectId)));
  return row?.n ?? listed;
}
