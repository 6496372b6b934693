import {
  type Database,
  dailyCategoryStats,
  dailyMethodStats,
  receiptCategories,
  receipts,
} from "@assent/db";
import { eq, isNull, sql } from "drizzle-orm";

const DAY_MS = 86_400_000;

/**
 * Stand-in for what ingestion writes beside each receipt, for tests written before it does:
 * one `receipt_categories` row per category of `decision.categories`, and the daily rollups
 * (`daily_method_stats` count per site, day, policy version and method; `daily_category_stats`
 * granted / denied per category). Only receipts without category rows are processed, so once
 * ingestion writes these itself this adds nothing and can be deleted.
 */
export async function deriveRowsIngestionWillWrite(db: Database): Promise<number> {
  const pending = await db
    .select({ receipt: receipts })
    .from(receipts)
    .leftJoin(receiptCategories, eq(receiptCategories.receiptId, receipts.id))
    .where(isNull(receiptCategories.receiptId));
  for (const { receipt: r } of pending) {
    const day = Math.floor(r.serverTime / DAY_MS);
    const categories = Object.entries(
      (JSON.parse(r.decision) as { categories: Record<string, boolean> }).categories,
    );
    if (categories.length > 0) {
      await db.insert(receiptCategories).values(
        categories.map(([category, granted]) => ({
          receiptId: r.id,
          siteId: r.siteId,
          category,
          granted,
          serverTime: r.serverTime,
        })),
      );
    }
    await db
      .insert(dailyMethodStats)
      .values({ siteId: r.siteId, day, policyVersion: r.policyVersion, method: r.method, count: 1 })
      .onConflictDoUpdate({
        target: [
          dailyMethodStats.siteId,
          dailyMethodStats.day,
          dailyMethodStats.policyVersion,
          dailyMethodStats.method,
        ],
        set: { count: sql`${dailyMethodStats.count} + 1` },
      });
    for (const [category, granted] of categories) {
      await db
        .insert(dailyCategoryStats)
        .values({
          siteId: r.siteId,
          day,
          policyVersion: r.policyVersion,
          category,
          granted: granted ? 1 : 0,
          denied: granted ? 0 : 1,
        })
        .onConflictDoUpdate({
          target: [
            dailyCategoryStats.siteId,
            dailyCategoryStats.day,
            dailyCategoryStats.policyVersion,
            dailyCategoryStats.category,
          ],
          set: {
            granted: sql`${dailyCategoryStats.granted} + ${granted ? 1 : 0}`,
            denied: sql`${dailyCategoryStats.denied} + ${granted ? 0 : 1}`,
          },
        });
    }
  }
  return pending.length;
}
