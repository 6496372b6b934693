import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startBenchServer } from "./server";

/**
 * `pnpm --filter @assent/api bench:bodies`: does a hostile body stall the server? Measures
 * `/healthz` latency alone, then while 8 clients keep sending the largest bodies an unsigned
 * caller can send, nested as deep as they go (`[[[[...`, to sign-in and to the receipt route,
 * plus 1 MB bodies that must be refused from their `Content-Length`). Before the small caps and
 * the depth check, four 1 MB nested sign-in bodies stalled `/healthz` for 1.5-2.5 s.
 * Target: `/healthz` p99 under attack at most `TARGET_P99_MS`. Bounded: 127.0.0.1, a few seconds.
 */
const OUT = fileURLToPath(new URL("../.bench", import.meta.url));
const PORT = Number(process.env.BENCH_PORT ?? 8815);
const SECONDS = Number(process.env.STALL_SECONDS ?? 5);
const TARGET_P99_MS = 100;

function post(path: string, body: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: PORT,
        path,
        method: "POST",
        headers: { "Content-Type": "application/json", "Content-Length": body.length },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", () => resolve(0));
    req.end(body);
  });
}

async function healthLatencies(until: number): Promise<number[]> {
  const out: number[] = [];
  while (Date.now() < until) {
    const start = performance.now();
    await fetch(`http://127.0.0.1:${PORT}/healthz`).then((r) => r.arrayBuffer());
    out.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 10));
  }
  return out.sort((a, b) => a - b);
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "assent-stall-"));
  const server = await startBenchServer(join(dir, "bench.db"), PORT);
  try {
    const baseline = await healthLatencies(Date.now() + SECONDS * 1000);
    const attacks: Array<[string, Buffer]> = [
      ["/v1/admin/session", Buffer.from("[".repeat(4 * 1024 - 1))],
      ["/v1/receipts", Buffer.from("[".repeat(8 * 1024 - 1))],
      ["/v1/admin/session", Buffer.from("[".repeat(1024 * 1024))],
      ["/v1/admin/sites/demo/config/draft", Buffer.from("[".repeat(256 * 1024 - 1))],
    ];
    const statuses = new Map<number, number>();
    let stop = false;
    const attackers = Array.from({ length: 8 }, async (_, i) => {
      const [path, body] = attacks[i % attacks.length] as [string, Buffer];
      while (!stop) {
        const status = await post(path, body);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    });
    const attacked = await healthLatencies(Date.now() + SECONDS * 1000);
    stop = true;
    await Promise.all(attackers);
    const figures = {
      baseline: { n: baseline.length, p50: pct(baseline, 0.5), p99: pct(baseline, 0.99) },
      underAttack: {
        n: attacked.length,
        p50: pct(attacked, 0.5),
        p99: pct(attacked, 0.99),
        max: attacked[attacked.length - 1],
      },
      attackStatuses: Object.fromEntries(statuses),
      p99Ratio: pct(attacked, 0.99) / pct(baseline, 0.99),
      target: { p99UnderAttackMs: TARGET_P99_MS },
    };
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}/body-stall.json`, `${JSON.stringify(figures, null, 2)}\n`);
    const f = (n: number) => `${n.toFixed(1)} ms`;
    console.log(
      `/healthz alone:         p50 ${f(figures.baseline.p50)}, p99 ${f(figures.baseline.p99)}`,
    );
    console.log(
      `/healthz under attack:  p50 ${f(figures.underAttack.p50)}, p99 ${f(figures.underAttack.p99)}, max ${f(figures.underAttack.max ?? 0)} (${figures.p99Ratio.toFixed(1)}x the p99 alone)`,
    );
    console.log(`hostile bodies answered: ${JSON.stringify(figures.attackStatuses)}`);
    const met = figures.underAttack.p99 <= TARGET_P99_MS;
    console.log(`target p99 <= ${TARGET_P99_MS} ms under attack: ${met ? "met" : "MISSED"}`);
    if (!met) process.exitCode = 1;
  } finally {
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
