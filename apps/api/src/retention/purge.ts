import { type Database, MAX_BOUND_PARAMS, receiptCategories, receipts, sites } from "@assent/db";
import { and, eq, inArray, lt } from "drizzle-orm";
import { recordAudit } from "../audit";

const DAY_MS = 86_400_000;

/**
 * Receipts deleted per statement, so a large purge never holds the write lock for long; each id
 * is one bound parameter, so a batch stays within D1's limit.
 */
const BATCH = MAX_BOUND_PARAMS;

/** What one purge removed, per site. */
export interface PurgeReport {
  site: string;
  cutoff: string;
  deleted: number;
}

/**
 * Deletes every receipt older than its site's retention (`sites.retention_days`), with its
 * category rows, in small batches, and writes one `retention.purge` audit entry per site that lost
 * any. Daily rollups hold no personal data and are kept. Safe to run at any time and repeatedly.
 */
export async function purgeExpiredReceipts(db: Database, now: number): Promise<PurgeReport[]> {
  const reports: PurgeReport[] = [];
  for (const site of await db.select().from(sites)) {
    const cutoff = now - site.retentionDays * DAY_MS;
    let deleted = 0;
    for (;;) {
      const batch = await db
        .select({ id: receipts.id })
        .from(receipts)
        .where(and(eq(receipts.siteId, site.id), lt(receipts.serverTime, cutoff)))
        .limit(BATCH);
      if (batch.length === 0) break;
      const ids = batch.map((r) => r.id);
      await db.delete(receiptCategories).where(inArray(receiptCategories.receiptId, ids));
      await db.delete(receipts).where(inArray(receipts.id, ids));
      deleted += ids.length;
      if (batch.length < BATCH) break;
    }
    if (deleted > 0) {
      const cutoffIso = new Date(cutoff).toISOString();
      await recordAudit(db, {
        at: now,
        siteId: site.id,
        action: "retention.purge",
        target: site.key,
        detail: { deleted, cutoff: cutoffIso, retentionDays: site.retentionDays },
      });
      reports.push({ site: site.key, cutoff: cutoffIso, deleted });
    }
  }
  return reports;
}

/**
 * Runs the purge now and then every `intervalMs` (a day by default) without keeping the process
 * alive; returns a function that stops it. Failures are logged and retried on the next run.
 */
export function schedulePurge(
  db: Database,
  options: { intervalMs?: number; now?: () => number; log?: (line: string) => void } = {},
): () => void {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));
  const run = () =>
    purgeExpiredReceipts(db, now()).then(
      (reports) => {
        for (const r of reports)
          log(`[assent] retention: deleted ${r.deleted} receipts of ${r.site} before ${r.cutoff}`);
      },
      (err: unknown) => console.error("[assent] retention purge failed", err),
    );
  const first = setTimeout(run, 10_000);
  first.unref?.();
  const timer = setInterval(run, options.intervalMs ?? DAY_MS);
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
