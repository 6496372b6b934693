import {
  decodeEdge,
  decodeEntryBundle,
  edgeRoot,
  parseEntry,
  type StoredReceipt,
  tilesForSize,
  treeRoot,
} from "@assent/core";
import {
  isUniqueViolation,
  logCheckpoints,
  logLeaves,
  logPending,
  logState,
  receiptCategories,
  receipts,
  sites,
} from "@assent/db";
import { count, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rawSql } from "../receipts";
import { purgeExpiredReceipts } from "../retention";
import { createTestApp, TEST_ORIGIN } from "../test-support/test-app";
import { CHECKPOINTS_KEPT_MS, integrate, integrateOnce } from "./log-integrator";
import { storedTiles } from "./log-store";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const options = { publicOrigin: () => TEST_ORIGIN };

async function post(n: number, siteKey = "demo", config = t.config) {
  const stored: StoredReceipt[] = [];
  for (let i = 0; i < n; i++) {
    const res = await t.post("/v1/receipts", t.receiptFor(siteKey, config));
    expect(res.status).toBe(201);
    stored.push((await res.json()) as StoredReceipt);
  }
  return stored;
}

/** Every entry of a site's log, read from its stored tiles. */
async function entriesOf(siteId: number) {
  const [state] = await t.db.select().from(logState).where(eq(logState.siteId, siteId));
  const read = storedTiles(t.db, siteId);
  const entries = [];
  for (const tile of tilesForSize(state?.size ?? 0).filter((x) => x.level === "entries")) {
    entries.push(...decodeEntryBundle(await read(tile)).map(parseEntry));
  }
  return entries;
}

const digests = (list: StoredReceipt[]) =>
  list.map((r) => ({ kind: "receipt", digest: r.proof?.digest }));

describe("integration", () => {
  it("refuses a pass computed from a stale state: the batch breaks the key and stores nothing", async () => {
    await post(3);
    await integrate(t.db, options);
    const more = await post(2);
    let before: unknown;
    // Another instance's pass reads the same log and queue, and commits first.
    const refused = await integrateOnce(t.db, {
      ...options,
      write: async (statements) => {
        await integrate(t.db, options);
        before = await t.db.select({ n: count() }).from(logLeaves);
        await rawSql(t.db).batch(statements);
      },
    }).catch((err: unknown) => err);
    expect(isUniqueViolation(refused)).toBe(true);
    expect(await t.db.select({ n: count() }).from(logLeaves)).toEqual(before);
    expect(await t.db.select({ n: count() }).from(logPending)).toEqual([{ n: 0 }]);
    expect(await integrate(t.db, options)).toMatchObject({ leaves: 0 });
    const entries = await entriesOf(1);
    expect(entries).toHaveLength(6);
    expect(entries.slice(4)).toEqual(digests(more));
  });

  it("logs receipts stored after the table was emptied, though SQLite reuses their rowids", async () => {
    await post(3);
    await integrate(t.db, options);
    await t.db.delete(receiptCategories);
    await t.db.delete(receipts);
    const later = await post(2);
    expect(await integrate(t.db, options)).toMatchObject({ leaves: 2 });
    expect((await entriesOf(1)).slice(4)).toEqual(digests(later));
    const again = await post(1);
    expect(await integrate(t.db, options)).toMatchObject({ leaves: 1 });
    expect((await entriesOf(1)).slice(6)).toEqual(digests(again));
  });

  it("logs every receipt stored after a purge deleted the newest rows and SQLite reused their rowids", async () => {
    const DAY = 86_400_000;
    let clock = Date.now();
    await t.close();
    t = await createTestApp({ now: () => clock });
    const short = await t.addSite("short");
    await t.db
      .update(sites)
      .set({ retentionDays: 365, minRetentionDays: 365 })
      .where(eq(sites.id, short.id));
    await post(3);
    await post(5, "short", short.config); // the newest rowids
    await integrate(t.db, options);
    clock += 366 * DAY;
    expect(await purgeExpiredReceipts(t.db, clock)).toMatchObject([{ site: "short", deleted: 5 }]);
    // As many receipts as were purged, before the next pass: they take the purged rowids.
    const acked = await post(5);
    await integrate(t.db, options);
    const stored = await t.db.select({ id: receipts.id }).from(receipts);
    const logged = await t.db.select({ id: logLeaves.receiptId }).from(logLeaves);
    expect(logged.map((l) => l.id)).toEqual(expect.arrayContaining(stored.map((r) => r.id)));
    expect((await entriesOf(1)).slice(4)).toEqual(digests(acked));
  });

  it("logs configs before receipts however small the window, each site in its own log", async () => {
    const other = await t.addSite("other");
    const mine = await post(3);
    const theirs = await post(2, "other", other.config);
    const report = await integrate(t.db, { ...options, maxConfigs: 1, maxReceipts: 2 });
    expect(report.leaves).toBe(7);
    expect(await entriesOf(1)).toEqual([
      { kind: "config", configHash: t.config.hash },
      ...digests(mine),
    ]);
    expect(await entriesOf(other.id)).toEqual([
      { kind: "config", configHash: other.config.hash },
      ...digests(theirs),
    ]);
    for (const siteId of [1, other.id]) {
      const [state] = await t.db.select().from(logState).where(eq(logState.siteId, siteId));
      expect(await treeRoot(state?.size ?? 0, storedTiles(t.db, siteId))).toEqual(
        await edgeRoot(decodeEdge(state?.edge ?? "")),
      );
    }
  });

  it("keeps every checkpoint of the last minutes, and the last of each hour before them", async () => {
    const HOUR = 3_600_000;
    const start = Math.floor(Date.now() / HOUR) * HOUR;
    // Three passes in one hour, two in the next, one now: each signs a checkpoint.
    const at = [10_000, 20_000, 30_000, HOUR + 10_000, HOUR + 20_000].map((ms) => start + ms);
    for (const when of [...at, start + 3 * HOUR]) {
      await post(1);
      await integrateOnce(t.db, { ...options, now: () => when });
      // A witness cosigned each checkpoint: its lines go with the checkpoints that go.
      await t.db.run(
        sql`INSERT INTO witness_cosignatures (site_id, size, peer_id, line, created_at) SELECT site_id, max(size), 1, 'line', ${when} FROM log_checkpoints GROUP BY site_id`,
      );
    }
    const kept = await t.db
      .select({ size: logCheckpoints.size })
      .from(logCheckpoints)
      .orderBy(logCheckpoints.size);
    // Sizes 2..7 (the config is leaf 0): the last of the first hour (4), of the second (6), now (7).
    expect(kept.map((k) => k.size)).toEqual([4, 6, 7]);
    const lines = await t.db.all<{ size: number }>(
      sql`SELECT size FROM witness_cosignatures ORDER BY size`,
    );
    // The last pass's checkpoint was cosigned after its own pruning ran.
    expect(lines.map((l) => l.size)).toEqual([4, 6, 7]);
    expect(CHECKPOINTS_KEPT_MS).toBeLessThan(HOUR);
  });
});
