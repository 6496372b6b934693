import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openLibsql } from "@assent/db/libsql";
import { type Load, type Phase, phase, runLoad, type Target } from "./proxy-phase";
import { freePorts, startCaddy, startInstance, stopProcess } from "./proxy-stack";
import { receiptBodies } from "./server";

/**
 * `pnpm --filter @assent/api bench:proxy`: `POST /v1/receipts` through the deployed topology,
 * deploy/Caddyfile terminating TLS for the consent host in front of one Node instance, then of
 * two on one libSQL file, beside the instances without the proxy, all in one run. Per topology:
 * the max rate (`PROXY_CONNECTIONS`, 96, each sending its next receipt once the last is
 * answered) and p50/p99 at a fixed `PROXY_RATE` (500 receipts/s), with the CPU each process
 * used and waited for (/proc). Figures in `.bench/proxy.json`. No target: on a shared machine
 * only ratios within one run mean anything.
 *
 * Order: direct→1 and caddy→1 (instance B not yet started), then B joins: direct→2 (load split
 * between the two instances, no proxy: what the shared file costs) and caddy→2. Bounded:
 * `PROXY_SECONDS` (10; 3 with `BENCH_QUICK=1`) a phase after a 2 s warm-up, all on 127.0.0.1.
 * autocannon speaks HTTP/1.1 and does not check certificates; the readiness probe does,
 * against Caddy's local root. `PROXY_KEEP=1` keeps the run's folder (database, Caddy's logs).
 */
const OUT = fileURLToPath(new URL("../.bench/", import.meta.url));
const QUICK = process.env.BENCH_QUICK === "1";
const SECONDS = Number(process.env.PROXY_SECONDS ?? (QUICK ? 3 : 10));
const CONNECTIONS = Number(process.env.PROXY_CONNECTIONS ?? 96);
const RATE = Number(process.env.PROXY_RATE ?? 500);
const HOST = "consent.assent.test";
const CATEGORIES = {
  necessary: true,
  preferences: false,
  analytics: true,
  marketing: false,
  embeds: true,
};

const running = new Set<ChildProcess>();
const track = (p: ChildProcess) => {
  running.add(p);
  return p;
};
const stopAll = () => Promise.all([...running].map((p) => stopProcess(p)));
const round = (n: number, d = 100) => Math.round(n * d) / d;
/** Every 2xx of the run, warm-ups included: the database must hold at least as many. */
let acknowledged = 0;

/** Warm-up, max rate, then the paced rate, against one topology. */
async function measure(name: string, target: Target, base: Omit<Load, "connections" | "seconds">) {
  const warm = await runLoad(target, { ...base, connections: 16, seconds: 2 });
  acknowledged += warm.ok;
  if (warm.non2xx + warm.errors > 0) {
    console.warn(`${name} warm-up: ${warm.errors} errors, statuses`, warm.statusCodes);
  }
  const max = await phase(`${name} max`, target, {
    ...base,
    connections: CONNECTIONS,
    seconds: SECONDS,
  });
  const paced = await phase(`${name} @${RATE}/s`, target, {
    ...base,
    connections: 64,
    seconds: SECONDS,
    rate: RATE,
  });
  acknowledged += max.acknowledged + paced.acknowledged;
  return [max, paced];
}

/**
 * Errors, and warnings of Caddy's HTTP layer (not its start-up notices), from its logs. Caddy 2.6
 * logs "setting HTTP/3 Alt-Svc header" as an error for requests that arrive before its QUIC
 * listener is up (caddyserver/caddy#8000 demotes it): counted apart, it is not a failure.
 */
function caddyLogErrors(dir: string) {
  const lines = ["caddy-1.log", "caddy-2.log"].flatMap((f) => {
    try {
      return readFileSync(join(dir, f), "utf8").split("\n");
    } catch {
      return [];
    }
  });
  const flagged = lines.filter(
    (l) => l.includes('"level":"error"') || /"level":"warn".*"logger":"http\./.test(l),
  );
  const errors = flagged.filter((l) => !l.includes("HTTP/3 Alt-Svc"));
  const samples = [...new Set(errors.map((l) => l.replace(/"ts":[\d.]+,/, "").slice(0, 300)))];
  return {
    count: errors.length,
    samples: samples.slice(0, 5),
    altSvcAtStartup: flagged.length - errors.length,
  };
}

function report(phases: Phase[]) {
  const get = (n: string) => {
    const p = phases.find((x) => x.phase === n);
    if (!p) throw new Error(`no phase ${n}`);
    return p;
  };
  const max = (n: string) => get(`${n} max`).receiptsPerSecond;
  const p99 = (n: string) => get(`${n} @${RATE}/s`).p99Ms;
  const cost = (n: string) => get(`${n} max`).serverCpuUsPerReceipt;
  const ratio = (x: number, y: number) => round(x / y);
  const cell = (p: Phase, k: string) =>
    k in p.waitCores ? `${p.cpuCores[k]} (${p.mainThreadCores[k]}) + ${p.waitCores[k]}` : "";
  console.table(
    phases.map((p) => ({
      phase: p.phase,
      "receipts/s": p.receiptsPerSecond,
      "p50 ms": p.p50Ms,
      "p99 ms": p.p99Ms,
      "µs cpu/rcpt": p.serverCpuUsPerReceipt,
      "non-2xx": p.non2xx,
      errors: p.errors,
      bench: cell(p, "bench"),
      caddy: cell(p, "caddy"),
      A: cell(p, "a"),
      B: cell(p, "b"),
      others: p.cpuCores.others,
      "cpu stall %": p.stallPercent.cpu,
    })),
  );
  console.log(
    "µs cpu/rcpt: CPU of Caddy and the instances per receipt. Per process: CPUs used (its main\n" +
      "thread's) + CPUs' worth of runnable threads waiting for one. others: the rest of the machine",
  );
  return {
    twoOverOneMax: ratio(max("caddy→2"), max("caddy→1")),
    twoOverOnePacedP99: ratio(p99("caddy→2"), p99("caddy→1")),
    proxyOverDirectMax: ratio(max("caddy→1"), max("direct→1")),
    proxyOverDirectPacedP99: ratio(p99("caddy→1"), p99("direct→1")),
    sharedFileTwoOverOneMax: ratio(max("direct→2"), max("direct→1")),
    /** Server CPU per receipt at max rate: below 1, the first is cheaper. */
    twoOverOneCpuPerReceipt: ratio(cost("caddy→2"), cost("caddy→1")),
    proxyOverDirectCpuPerReceipt: ratio(cost("caddy→1"), cost("direct→1")),
  };
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "assent-bench-proxy-"));
  const dbFile = join(dir, "assent.db");
  const [a, b, httpsPort, httpPort] = (await freePorts(4)) as [number, number, number, number];
  const origin = `https://${HOST}:${httpsPort}`;
  const secret = randomBytes(32).toString("base64url");
  const machine = { cpus: cpus().length, loadavgBefore: loadavg().map((l) => round(l, 10)) };
  console.log(`Assent ingestion through Caddy (${SECONDS} s phases, ${dir})`, machine);
  const caddy = { dir, httpsPort, httpPort, host: HOST };
  const viaCaddy = {
    base: `https://127.0.0.1:${httpsPort}`,
    host: `${HOST}:${httpsPort}`,
    servername: HOST,
  };
  const direct = (port: number) => ({
    base: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
  });
  const phases: Phase[] = [];
  try {
    const instA = track(await startInstance(dbFile, a, origin, secret));
    const load = { origin, body: await receiptBodies(`http://127.0.0.1:${a}`, CATEGORIES) };
    const one = { a: instA.pid };
    phases.push(...(await measure("direct→1", { endpoints: [direct(a)], pids: one }, load)));
    const caddy1 = track(await startCaddy({ ...caddy, upstreams: [a] }, "caddy-1.log"));
    const proxied1 = { endpoints: [viaCaddy], pids: { caddy: caddy1.pid, ...one } };
    phases.push(...(await measure("caddy→1", proxied1, load)));
    await stopProcess(caddy1);

    const instB = track(await startInstance(dbFile, b, origin, secret));
    const two = { a: instA.pid, b: instB.pid };
    const direct2 = { endpoints: [direct(a), direct(b)], pids: two };
    phases.push(...(await measure("direct→2", direct2, load)));
    const caddy2 = track(await startCaddy({ ...caddy, upstreams: [a, b] }, "caddy-2.log"));
    const proxied2 = { endpoints: [viaCaddy], pids: { caddy: caddy2.pid, ...two } };
    phases.push(...(await measure("caddy→2", proxied2, load)));
  } finally {
    await stopAll();
  }
  // After SIGTERM each instance has committed what it had accepted.
  const db = await openLibsql({ url: `file:${dbFile}` });
  const stored = Number((await db.client.execute("SELECT count(*) FROM receipts")).rows[0]?.[0]);
  await db.close();
  const results = {
    at: new Date().toISOString(),
    machine: { ...machine, loadavgAfter: loadavg().map((l) => round(l, 10)) },
    settings: { seconds: SECONDS, connections: CONNECTIONS, pacedRate: RATE, pacedConnections: 64 },
    phases,
    ratios: report(phases),
    acknowledged,
    stored,
    caddyLog: caddyLogErrors(dir),
  };
  writeFileSync(`${OUT}proxy.json`, `${JSON.stringify(results, null, 2)}\n`);
  console.log("ratios:", results.ratios);
  console.log(`acknowledged ${acknowledged}, stored ${stored}; caddy log:`, results.caddyLog);
  console.log(`results: ${OUT}proxy.json`);
  if (!process.env.PROXY_KEEP) rmSync(dir, { recursive: true, force: true });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stopAll().then(() => process.exit(130)));
}

main().catch(async (err) => {
  console.error(err);
  await stopAll();
  process.exit(1);
});
