import {
  type Database,
  dailyCategoryStats,
  dailyMethodStats,
  receiptCategories,
  receipts,
} from "@assent/db";
import { type SQL, sql } from "drizzle-orm";
import type { ReceiptRow } from "./receipt-store";

/** A receipt ready to append, with its categories (denormalised for filters and rollups). */
export interface ReceiptWrite {
  row: ReceiptRow;
  categories: Record<string, boolean>;
}

const DAY_MS = 86_400_000;

/** Days since the Unix epoch (UTC), the `day` of the rollup tables. */
export const utcDay = (ms: number): number => Math.floor(ms / DAY_MS);

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const plusExcluded = (column: { name: string }): SQL =>
  sql`${sql.identifier(column.name)} + excluded.${sql.identifier(column.name)}`;

/**
 * The statements that append receipts: the rows, one `receipt_categories` row per category, and
 * the daily rollups summed over the whole set. Run them in one batch (one transaction) so the
 * log and its rollups never disagree. `maxParams` bounds the bound parameters per statement
 * (D1 allows 100).
 */
// biome-ignore lint/suspicious/noExplicitAny: drizzle's batch item type differs per driver.
export function appendStatements(db: Database, writes: ReceiptWrite[], maxParams: number): any[] {
  const rows = writes.map((w) => w.row);
  const categoryRows = writes.flatMap(({ row, categories }) =>
    Object.entries(categories).map(([category, granted]) => ({
      receiptId: row.id,
      siteId: row.siteId,
      category,
      granted,
      serverTime: row.serverTime,
    })),
  );
  const methods = new Map<string, typeof dailyMethodStats.$inferInsert>();
  const cats = new Map<string, typeof dailyCategoryStats.$inferInsert>();
  for (const { row, categories } of writes) {
    const day = utcDay(row.serverTime);
    const mKey = `${row.siteId}|${day}|${row.policyVersion}|${row.method}`;
    const m = methods.get(mKey);
    if (m) m.count = (m.count ?? 0) + 1;
    else
      methods.set(mKey, {
        siteId: row.siteId,
        day,
        policyVersion: row.policyVersion,
        method: row.method,
        count: 1,
      });
    for (const [category, granted] of Object.entries(categories)) {
      const cKey = `${row.siteId}|${day}|${row.policyVersion}|${category}`;
      let c = cats.get(cKey);
      if (!c) {
        c = { siteId: row.siteId, day, policyVersion: row.policyVersion, category, granted: 0 };
        c.denied = 0;
        cats.set(cKey, c);
      }
      if (granted) c.granted = (c.granted ?? 0) + 1;
      else c.denied = (c.denied ?? 0) + 1;
    }
  }
  const statements: unknown[] = [];
  for (const part of chunks(rows, Math.max(1, Math.floor(maxParams / 20)))) {
    statements.push(db.insert(receipts).values(part));
  }
  for (const part of chunks(categoryRows, Math.max(1, Math.floor(maxParams / 5)))) {
    statements.push(db.insert(receiptCategories).values(part));
  }
  for (const part of chunks([...methods.values()], Math.max(1, Math.floor(maxParams / 5)))) {
    statements.push(
      db
        .insert(dailyMethodStats)
        .values(part)
        .onConflictDoUpdate({
          target: [
            dailyMethodStats.siteId,
            dailyMethodStats.day,
            dailyMethodStats.policyVersion,
            dailyMethodStats.method,
          ],
          set: { count: plusExcluded(dailyMethodStats.count) },
        }),
    );
  }
  for (const part of chunks([...cats.values()], Math.max(1, Math.floor(maxParams / 6)))) {
    statements.push(
      db
        .insert(dailyCategoryStats)
        .values(part)
        .onConflictDoUpdate({
          target: [
            dailyCategoryStats.siteId,
            dailyCategoryStats.day,
            dailyCategoryStats.policyVersion,
            dailyCategoryStats.category,
          ],
          set: {
            granted: plusExcluded(dailyCategoryStats.granted),
            denied: plusExcluded(dailyCategoryStats.denied),
          },
        }),
    );
  }
  return statements;
}

/** Runs statements atomically with the driver's batch (one transaction on libSQL and D1). */
export async function runBatch(db: Database, statements: unknown[]): Promise<void> {
  if (statements.length === 0) return;
  const batch = (db as unknown as { batch?: (s: unknown[]) => Promise<unknown> }).batch;
  if (!batch) throw new Error("this database driver has no batch()");
  await batch.call(db, statements);
}
