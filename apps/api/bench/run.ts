import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { openLibsql } from "@assent/db/libsql";
import autocannon from "autocannon";
import { appendStatements, inProcessLog, ReceiptWriter, rawSql } from "../src/receipts";
import { seed } from "../src/seed";
import { signingKeyFor } from "../src/signing";
import { sampleReceiptRow } from "../src/test-support/sample-receipt";
import { generateReceipts } from "./generate";
import { receiptBodies, startBenchServer } from "./server";
import { soak } from "./soak";

/**
 * `pnpm bench`: ingestion throughput on the embedded libSQL file, beside the raw insert ceiling
 * measured in the same run, p99 at a fixed 1,000 requests/s, and the time to generate the
 * 1,000,000-receipt log the admin query benchmarks read (`.bench/receipts-1m.db`).
 *
 * Then the soak (`bench/soak.ts`): 500 receipts/s for 10 minutes, errors, p99 per minute, RSS.
 * Exits 1 when a target (`TARGETS`, and a soak without loss) is missed, after writing the results.
 *
 * Bounded: each load phase runs a fixed time on 127.0.0.1. `BENCH_ROWS` changes the generated
 * count; `BENCH_QUICK=1` shortens everything for a smoke run (a 20 s soak); `SOAK_SECONDS` the
 * soak; `BENCH_PORT` (8814) the port; `BENCH_CONNECTIONS` (`96,256`) the connection counts of
 * the max-rate phases, one phase each: every connection is a client that sends its next receipt
 * as soon as the last one is answered, so the rate a count reaches is bounded by its latency as
 * much as by the server, and the best of them is reported as the maximum. The bench server runs
 * with `RATE_LIMIT_IP=off` and `RATE_LIMIT_SITE=off` (all its load comes from 127.0.0.1 for one
 * site); the soak keeps the default per-site limit.
 */
const API_DIR = fileURLToPath(new URL("../", import.meta.url));
const OUT = `${API_DIR}.bench`;
const QUICK = process.env.BENCH_QUICK === "1";
const PORT = Number(process.env.BENCH_PORT ?? 8814);
const ROWS = Number(process.env.BENCH_ROWS ?? (QUICK ? 20_000 : 1_000_000));
const SECONDS = QUICK ? 3 : 10;
/** Concurrent connections of the max-rate phases: receipts come from many browsers at once. */
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? "96,256").split(",").map(Number);
const CATEGORIES = {
  necessary: true,
  preferences: false,
  analytics: true,
  marketing: false,
  embeds: true,
};

/** The ingestion targets this bench checks (the admin query targets are in `admin-queries.ts`). */
const TARGETS = { maxReceiptsPerSecond: 5_000, pacedP99Ms: 50 };

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);

async function freshDb(name: string) {
  rmSync(`${OUT}/${name}`, { force: true });
  rmSync(`${OUT}/${name}-wal`, { force: true });
  rmSync(`${OUT}/${name}-shm`, { force: true });
  const handle = await openLibsql({ url: `file:${OUT}/${name}` });
  await seed(handle.db, {
    origin: "http://127.0.0.1",
    ownerEmail: "bench@example.org",
    ownerPassword: "bench-password-1",
    now: Date.now(),
  });
  return handle;
}

function syntheticRow() {
  const row = sampleReceiptRow({
    categories: CATEGORIES,
    pagePath: "/",
    ip: "203.0.113.0",
    userAgent: "bench",
  });
  return {
    row: { ...row, digest: "d".repeat(64), signature: "s".repeat(86), keyId: "k" },
    categories: CATEGORIES,
  };
}

/** The ceiling: plain INSERTs of receipt rows, one commit each and then 1,000 per commit. */
async function rawCeiling() {
  const handle = await freshDb("ceiling.db");
  const raw = rawSql(handle.db);
  const single = async () => {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < SECONDS * 300) {
      await raw.batch(appendStatements([syntheticRow()], 30_000).slice(0, 1));
      n++;
    }
    return perSecond(n, performance.now() - start);
  };
  const batched = async () => {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < SECONDS * 300) {
      const rows = Array.from({ length: 1000 }, syntheticRow);
      await raw.batch(appendStatements(rows, 30_000).slice(0, 1));
      n += rows.length;
    }
    return perSecond(n, performance.now() - start);
  };
  const result = { oneRowPerCommit: await single(), thousandRowsPerCommit: await batched() };
  await handle.close();
  return result;
}

/**
 * The group-commit writer alone (no HTTP) on its in-process log: full receipts, signed on this
 * thread, with categories and rollups.
 */
async function writerAlone() {
  const handle = await freshDb("writer.db");
  const writer = new ReceiptWriter(handle.db, inProcessLog(handle.db, { maxParams: 30_000 }));
  const key = await signingKeyFor(handle.db, { id: 1, key: "demo" }, Date.now());
  let n = 0;
  const start = performance.now();
  const lane = async () => {
    while (performance.now() - start < SECONDS * 300) {
      const { row, categories } = syntheticRow();
      await writer.write({ row: { ...row, signature: null }, categories, key, siteKey: "demo" });
      n++;
    }
  };
  await Promise.all(Array.from({ length: 256 }, lane));
  const rate = perSecond(n, performance.now() - start);
  await handle.close();
  return rate;
}

/** POST /v1/receipts over HTTP against the real Node server. */
async function overHttp() {
  rmSync(`${OUT}/http.db`, { force: true });
  const server = await startBenchServer(`${OUT}/http.db`, PORT);
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const body = await receiptBodies(base, CATEGORIES);
    const run = (opts: { connections: number; duration: number; overallRate?: number }) =>
      autocannon({
        url: `${base}/v1/receipts`,
        ...opts,
        timeout: 10,
        requests: [
          {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            setupRequest: (req) => ({ ...req, body: body() }),
          },
        ],
      });
    await run({ connections: 16, duration: 2 });
    const byConnections = [];
    for (const connections of CONNECTIONS) {
      const r = await run({ connections, duration: SECONDS });
      byConnections.push({
        connections,
        receiptsPerSecond: Math.round(r["2xx"] / r.duration),
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        errors: r.errors + r.non2xx,
      });
    }
    const max = byConnections.reduce((a, b) => (b.receiptsPerSecond > a.receiptsPerSecond ? b : a));
    const paced = await run({ connections: 64, duration: SECONDS, overallRate: 1000 });
    const handle = await openLibsql({ url: `file:${OUT}/http.db` });
    const stored = Number(
      (await handle.client.execute("SELECT count(*) FROM receipts")).rows[0]?.[0],
    );
    await handle.close();
    return {
      maxReceiptsPerSecond: max.receiptsPerSecond,
      maxAtConnections: max.connections,
      maxP99Ms: max.p99Ms,
      maxErrors: byConnections.reduce((n, r) => n + r.errors, 0),
      byConnections,
      pacedRequestsPerSecond: Math.round(paced.requests.total / paced.duration),
      pacedP50Ms: paced.latency.p50,
      pacedP99Ms: paced.latency.p99,
      pacedErrors: paced.errors + paced.non2xx,
      storedAll: stored,
    };
  } finally {
    server.kill("SIGTERM");
  }
}

async function generateLog() {
  const handle = await freshDb("receipts-1m.db");
  const [site] = await handle.db.query.sites.findMany({ limit: 1 });
  const config = await handle.db.query.siteConfigs.findFirst();
  if (!site || !config) throw new Error("seed did not create the demo site");
  const now = Date.now();
  const result = await generateReceipts(handle.db, {
    count: ROWS,
    siteId: site.id,
    configHash: config.hash,
    policyVersions: ["1"],
    from: now - 365 * 86_400_000,
    to: now,
    onProgress: (n) => {
      if (n % 100_000 === 0) process.stdout.write(`  generated ${n}\n`);
    },
  });
  await handle.close();
  return { rows: result.count, seconds: Math.round(result.ms / 100) / 10 };
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const machine = {
    cpus: cpus().length,
    loadavgBefore: loadavg().map((l) => Math.round(l * 10) / 10),
  };
  console.log(`Assent ingestion bench (${QUICK ? "quick" : "full"}; ${SECONDS} s phases)`, machine);
  const ceiling = await rawCeiling();
  console.log("raw libSQL insert ceiling (receipt rows/s):", ceiling);
  const writer = await writerAlone();
  console.log("group-commit writer alone (receipts/s, with categories + rollups):", writer);
  const http = await overHttp();
  console.log("POST /v1/receipts over HTTP:", http);
  const generated = await generateLog();
  console.log("generated log:", generated, `(${OUT}/receipts-1m.db)`);
  const soakSeconds = Number(process.env.SOAK_SECONDS ?? (QUICK ? 20 : 600));
  console.log(`soak: 500 receipts/s for ${soakSeconds} s`);
  const soaked = await soak({ seconds: soakSeconds });
  console.log("soak:", soaked);
  const targets = {
    maxReceiptsPerSecond: {
      target: TARGETS.maxReceiptsPerSecond,
      measured: http.maxReceiptsPerSecond,
      met: http.maxReceiptsPerSecond >= TARGETS.maxReceiptsPerSecond && http.maxErrors === 0,
    },
    pacedP99Ms: {
      target: TARGETS.pacedP99Ms,
      measured: http.pacedP99Ms,
      met: http.pacedP99Ms < TARGETS.pacedP99Ms && http.pacedErrors === 0,
    },
    soakLosesNothing: {
      target: "0 errors, every acknowledged receipt stored",
      measured: `${soaked.errors} errors, ${soaked.stored} of ${soaked.acknowledged} stored`,
      met: soaked.errors === 0 && soaked.stored >= soaked.acknowledged,
    },
  };
  const results = {
    at: new Date().toISOString(),
    machine,
    ceiling,
    writer,
    http,
    generated,
    soak: soaked,
    targets,
  };
  writeFileSync(`${OUT}/results.json`, `${JSON.stringify(results, null, 2)}\n`);
  console.log("targets:", targets);
  console.log(`results: ${OUT}/results.json`);
  const missed = Object.entries(targets).filter(([, t]) => !t.met);
  if (missed.length > 0) {
    console.error(`missed: ${missed.map(([name]) => name).join(", ")}`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
