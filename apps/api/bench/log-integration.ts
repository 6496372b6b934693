/**
 * Transparency log benchmark: fills a libSQL file with N signed-shaped receipts (default
 * 200,000), then times the integrator over them (leaves integrated per second, in passes of the
 * Node loop's size) and reports the bytes the log adds per receipt (pages of the log tables).
 *
 *   pnpm --filter @assent/api bench:log [--receipts 200000] [--db path]
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { openLibsql } from "@assent/db/libsql";
import { sql } from "drizzle-orm";
import { seed } from "../src/seed";
import { latestConfig } from "../src/sites";
import { integrateOnce } from "../src/transparency";
import { generateReceipts } from "./generate";

const { values } = parseArgs({
  options: {
    receipts: { type: "string", default: "200000" },
    db: { type: "string", default: "/tmp/assent-log-bench.db" },
  },
});
const TOTAL = Number(values.receipts);
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${values.db}${suffix}`, { force: true });

const handle = await openLibsql({ url: `file:${values.db}` });
const { db, client } = handle;
await seed(db, {
  origin: "https://consent.example.org",
  ownerEmail: "owner@example.org",
  ownerPassword: "bench password long enough",
  now: Date.now(),
});
const site = await db.query.sites.findFirst();
const config = site && (await latestConfig(db, site.id));
if (!site || !config) throw new Error("seed made no site");
await generateReceipts(db, {
  count: TOTAL,
  siteId: site.id,
  configHash: config.hash,
  policyVersions: ["1"],
  from: Date.now() - 30 * 86_400_000,
  to: Date.now(),
});
// Ingestion signs every receipt; the log needs only the digest.
await db.run(sql`UPDATE receipts SET digest = lower(hex(randomblob(32)))`);
// Generated rows bypass the signed insert that queues a receipt for the log: queue them here.
await db.run(sql`INSERT INTO log_pending (receipt_id) SELECT id FROM receipts ORDER BY rowid`);

const pagesOf = async () => {
  await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  const rows = await client.execute(
    "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'log_%' OR name LIKE 'sqlite_autoindex_log_%' GROUP BY name",
  );
  return rows.rows.map((r) => [String(r[0]), Number(r[1])] as const);
};

const started = performance.now();
let leaves = 0;
let passes = 0;
const passMs: number[] = [];
for (;;) {
  const t0 = performance.now();
  const report = await integrateOnce(db, { publicOrigin: () => "https://consent.example.org" });
  passMs.push(performance.now() - t0);
  leaves += report.leaves;
  passes++;
  if (!report.full) break;
}
const seconds = (performance.now() - started) / 1000;
passMs.sort((a, b) => a - b);
const tables = await pagesOf();
const bytes = tables.reduce((sum, [, n]) => sum + n, 0);
const result = {
  receipts: TOTAL,
  leaves,
  passes,
  seconds: Number(seconds.toFixed(2)),
  leavesPerSecond: Math.round(leaves / seconds),
  passMs: {
    median: Math.round(passMs[passMs.length >> 1] ?? 0),
    max: Math.round(passMs.at(-1) ?? 0),
  },
  bytesPerReceipt: Math.round(bytes / leaves),
  tables: Object.fromEntries(tables),
};
console.log(JSON.stringify(result, null, 2));
await handle.close();
