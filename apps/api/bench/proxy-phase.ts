import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import autocannon from "autocannon";

/** What this bench reads of autocannon beyond `bench/autocannon.d.ts`. */
type Options = Parameters<typeof autocannon>[0] & {
  /** TLS server name (SNI); autocannon never verifies the certificate. */
  servername?: string;
};
type Result = Awaited<ReturnType<typeof autocannon>> & {
  statusCodeStats: Record<string, { count: number }>;
};

/** Where load goes: a base URL, the Host header it carries, the TLS server name if any. */
export interface Endpoint {
  base: string;
  host: string;
  servername?: string;
}

/** A topology under load: its entry points (load is split evenly) and the processes serving it. */
export interface Target {
  endpoints: Endpoint[];
  pids: Record<string, number | undefined>;
}

/** How a phase loads its target: every request a fresh receipt from `body`. */
export interface Load {
  connections: number;
  seconds: number;
  /** Requests a second across all endpoints; absent, each connection sends once answered. */
  rate?: number;
  origin: string;
  body: () => string;
}

const round = (n: number, d = 100) => Math.round(n * d) / d;

async function cannon(e: Endpoint, load: Load, share: number): Promise<Result> {
  const options: Options = {
    url: `${e.base}/v1/receipts`,
    ...(e.servername ? { servername: e.servername } : {}),
    connections: Math.max(1, Math.round(load.connections * share)),
    duration: load.seconds,
    ...(load.rate ? { overallRate: load.rate * share } : {}),
    timeout: 10,
    requests: [
      {
        method: "POST",
        // What the SDK's fetch sends, with a browser's Accept-Encoding (Caddy compresses).
        headers: {
          Host: e.host,
          "Content-Type": "text/plain;charset=UTF-8",
          Origin: load.origin,
          "Accept-Encoding": "gzip, deflate, br, zstd",
          "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 bench",
        },
        setupRequest: (req) => ({ ...req, body: load.body() }),
      },
    ],
  };
  return (await autocannon(options)) as Result;
}

/**
 * Runs `load` against every endpoint of `target` at once, each a share of the connections and
 * rate. Latency percentiles of several endpoints are the worst endpoint's (an upper bound).
 */
export async function runLoad(target: Target, load: Load) {
  const share = 1 / target.endpoints.length;
  const parts = await Promise.all(target.endpoints.map((e) => cannon(e, load, share)));
  const statusCodes: Record<string, number> = {};
  for (const p of parts) {
    for (const [code, s] of Object.entries(p.statusCodeStats)) {
      statusCodes[code] = (statusCodes[code] ?? 0) + s.count;
    }
  }
  const sum = (f: (r: Result) => number) => parts.reduce((n, p) => n + f(p), 0);
  const worst = (f: (r: Result) => number) => Math.max(...parts.map(f));
  return {
    ok: sum((p) => p["2xx"]),
    seconds: worst((p) => p.duration),
    p50Ms: worst((p) => p.latency.p50),
    p99Ms: worst((p) => p.latency.p99),
    statusCodes,
    non2xx: sum((p) => p.non2xx),
    errors: sum((p) => p.errors),
    timeouts: sum((p) => p.timeouts),
  };
}

const TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" })) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) in a /proc stat line. */
function statCpu(path: string): number {
  const stat = readFileSync(path, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/**
 * What a process has had of the CPUs so far: seconds on a CPU, every thread (/proc/<pid>/stat),
 * and its main thread's alone (a Node instance's JavaScript), and seconds its threads were
 * runnable but waiting for a CPU (schedstat). Wait growing faster than CPU time: starved.
 */
function cpuSample(pid: number | undefined): { cpu: number; main: number; wait: number } {
  if (pid === undefined) return { cpu: 0, main: 0, wait: 0 };
  try {
    let wait = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        wait += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[1]);
      } catch {
        // the thread ended
      }
    }
    const cpu = statCpu(`/proc/${pid}/stat`);
    return { cpu, main: statCpu(`/proc/${pid}/task/${pid}/stat`), wait: wait / 1e9 };
  } catch {
    return { cpu: 0, main: 0, wait: 0 };
  }
}

/** Seconds the whole machine has spent busy (every core, every process), from /proc/stat. */
function machineBusySeconds(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const [user, nice, system, _idle, _iowait, irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = [user, nice, system, irq, softirq, steal].reduce<number>((a, b) => a + (b ?? 0), 0);
  return busy / TICKS;
}

/** Seconds some task has stalled waiting for `resource` (/proc/pressure; 0 without PSI). */
function stallSeconds(resource: "cpu" | "io"): number {
  try {
    const some = readFileSync(`/proc/pressure/${resource}`, "utf8").split("\n")[0] ?? "";
    return Number(/total=(\d+)/.exec(some)?.[1] ?? 0) / 1e6;
  } catch {
    return 0;
  }
}

function sample(pids: Record<string, number | undefined>) {
  return {
    procs: Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSample(pid)])),
    machine: machineBusySeconds(),
    cpuStall: stallSeconds("cpu"),
    ioStall: stallSeconds("io"),
    at: performance.now(),
  };
}

/** One measured load phase: throughput, latency, statuses, and what each process had of the CPUs. */
export async function phase(name: string, target: Target, load: Load) {
  const pids = { bench: process.pid, ...target.pids };
  const startedAt = new Date().toISOString();
  const before = sample(pids);
  const r = await runLoad(target, load);
  const after = sample(pids);
  const per = (x: number) => round(x / ((after.at - before.at) / 1000));
  const cpuCores: Record<string, number> = {};
  const mainThreadCores: Record<string, number> = {};
  const waitCores: Record<string, number> = {};
  for (const k of Object.keys(pids)) {
    const [b, a] = [before.procs[k], after.procs[k]];
    cpuCores[k] = per((a?.cpu ?? 0) - (b?.cpu ?? 0));
    mainThreadCores[k] = per((a?.main ?? 0) - (b?.main ?? 0));
    waitCores[k] = per((a?.wait ?? 0) - (b?.wait ?? 0));
  }
  const ours = Object.values(cpuCores).reduce((x, y) => x + y, 0);
  const served = Object.keys(target.pids).reduce((n, k) => n + (cpuCores[k] ?? 0), 0);
  cpuCores.others = Math.max(0, round(per(after.machine - before.machine) - ours));
  const receiptsPerSecond = Math.round(r.ok / r.seconds);
  return {
    phase: name,
    startedAt,
    receiptsPerSecond,
    /**
     * CPU time the serving processes (Caddy, instances) spent per receipt, µs: what the
     * topology costs, much less swayed than the rate by what else the machine runs.
     */
    serverCpuUsPerReceipt: receiptsPerSecond ? Math.round((served / receiptsPerSecond) * 1e6) : 0,
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
    statusCodes: r.statusCodes,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    acknowledged: r.ok,
    /** CPUs each process used (`others`: the rest of the machine). */
    cpuCores,
    /** Of those, the main thread's (for an instance: its JavaScript; 1 is its ceiling). */
    mainThreadCores,
    /** CPUs' worth of its threads' time spent runnable, waiting for a CPU. */
    waitCores,
    /** Share of the phase some task stalled waiting for a CPU, for I/O (PSI). */
    stallPercent: {
      cpu: Math.round(per(after.cpuStall - before.cpuStall) * 100),
      io: Math.round(per(after.ioStall - before.ioStall) * 100),
    },
  };
}

/** A measured phase. */
export type Phase = Awaited<ReturnType<typeof phase>>;
