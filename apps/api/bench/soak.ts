import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { openLibsql } from "@assent/db/libsql";
import autocannon from "autocannon";
import { receiptBodies, startBenchServer } from "./server";

/**
 * The soak: a steady 500 receipts/s against the real Node server on 127.0.0.1 for 10 minutes
 * (`SOAK_SECONDS` to change it) after a 15 s warm-up, with the default per-site limit on. Reports errors (must be 0),
 * p99 latency per minute, the server's resident memory (RSS) at start and end, and checks that
 * every acknowledged receipt was stored. `SOAK_RATE` (500), `SOAK_PORT` (8833).
 */
const API_DIR = fileURLToPath(new URL("../", import.meta.url));
const OUT = `${API_DIR}.bench`;
const WARMUP_SECONDS = 15;

export interface SoakResult {
  seconds: number;
  rate: number;
  requests: number;
  /** Requests per second actually sent (below `rate` means the load generator fell behind). */
  achievedRate: number;
  /** Receipts answered 201, warm-up included. */
  acknowledged: number;
  errors: number;
  /** Receipts in the database: every acknowledged one, plus any cut off when the run ended. */
  stored: number;
  /** p99 latency (ms) of each minute (the last may be shorter). */
  p99PerMinuteMs: number[];
  /** RSS right after start, before any load. */
  rssBootMb: number;
  /** RSS after the warm-up, when the measured run starts. */
  rssStartMb: number;
  rssEndMb: number;
  /** RSS after each minute. */
  rssPerMinuteMb: number[];
}

const rssMb = (pid: number): number => {
  const kb = Number(
    execFileSync("ps", ["-o", "rss=", "-p", String(pid)])
      .toString()
      .trim(),
  );
  return Math.round(kb / 102.4) / 10;
};

function p99(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0;
}

/** Runs the soak; resolves its figures. */
export async function soak(
  options: { seconds: number; rate?: number; port?: number } = { seconds: 600 },
): Promise<SoakResult> {
  const rate = options.rate ?? 500;
  const port = options.port ?? 8833;
  mkdirSync(OUT, { recursive: true });
  const dbFile = `${OUT}/soak.db`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbFile}${suffix}`, { force: true });
  const server = await startBenchServer(dbFile, port, { siteLimit: "default" });
  try {
    const pid = server.pid ?? 0;
    const base = `http://127.0.0.1:${port}`;
    const body = await receiptBodies(base, { necessary: true, analytics: true, marketing: false });

    const rssBootMb = rssMb(pid);
    const load = (seconds: number) =>
      autocannon({
        url: `${base}/v1/receipts`,
        connections: 64,
        duration: seconds,
        overallRate: rate,
        timeout: 10,
        requests: [
          {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            setupRequest: (req) => ({ ...req, body: body() }),
          },
        ],
      });
    // Warm-up (JIT, caches, WAL size) at the same rate: not counted, then RSS "at start".
    const warm = await load(WARMUP_SECONDS);
    const warmErrors = warm.errors + warm.timeouts + warm.non2xx;
    const rssStartMb = rssMb(pid);
    const minutes: number[][] = [[]];
    const rssPerMinuteMb: number[] = [];
    const started = performance.now();
    let errors = 0;
    const ticker = setInterval(() => {
      rssPerMinuteMb.push(rssMb(pid));
      const m = minutes.length;
      console.log(
        `  soak minute ${m}: p99 ${p99(minutes[m - 1] ?? [])} ms, rss ${rssPerMinuteMb.at(-1)} MB`,
      );
      minutes.push([]);
    }, 60_000);
    const run = load(options.seconds);
    run.on("response", (_client, status, _bytes, ms) => {
      minutes[minutes.length - 1]?.push(ms);
      if (status !== 201) errors++;
    });
    const result = await run;
    clearInterval(ticker);
    if ((minutes.at(-1)?.length ?? 0) === 0) minutes.pop();
    const rssEndMb = rssMb(pid);
    const handle = await openLibsql({ url: `file:${dbFile}` });
    const stored = Number(
      (await handle.client.execute("SELECT count(*) FROM receipts")).rows[0]?.[0],
    );
    await handle.close();
    return {
      seconds: Math.round((performance.now() - started) / 1000),
      rate,
      requests: result.requests.total,
      achievedRate: Math.round(result.requests.total / result.duration),
      acknowledged: result["2xx"] + warm["2xx"],
      errors: errors + result.errors + result.timeouts + warmErrors,
      stored,
      p99PerMinuteMs: minutes.map(p99),
      rssBootMb,
      rssStartMb,
      rssEndMb,
      rssPerMinuteMb,
    };
  } finally {
    server.kill("SIGTERM");
  }
}

async function main() {
  const seconds = Number(process.env.SOAK_SECONDS ?? 600);
  const rate = Number(process.env.SOAK_RATE ?? 500);
  const port = Number(process.env.SOAK_PORT ?? 8833);
  const machine = { cpus: cpus().length, loadavgBefore: loadavg().map((l) => l.toFixed(1)) };
  console.log(`Assent soak: ${rate} receipts/s for ${seconds} s on 127.0.0.1:${port}`, machine);
  const result = await soak({ seconds, rate, port });
  console.log("soak:", result);
  writeFileSync(
    `${OUT}/soak.json`,
    `${JSON.stringify({ at: new Date().toISOString(), machine, ...result }, null, 2)}\n`,
  );
  if (result.errors > 0 || result.stored < result.acknowledged) {
    console.error(`soak failed: ${result.errors} errors, ${result.stored} stored`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
