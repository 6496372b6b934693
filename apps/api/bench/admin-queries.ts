/**
 * Admin query benchmark: fills a libSQL file with N receipts (default 1,000,000) over 180 days,
 * with their category rows and daily rollups, then times the admin reads through the real app
 * (`app.request`, so routing, validation and JSON are included) and prints each plan.
 *
 *   pnpm --filter @assent/api exec tsx bench/admin-queries.ts [--receipts 1000000] [--db path]
 *
 * Targets (issue 5): a filtered page p95 < 100 ms; 90 days of statistics p95 < 200 ms.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { CONSENT_METHODS, uuidv7 } from "@assent/core";
import { openLibsql } from "@assent/db/libsql";
import { createApp } from "../src/app";
import { fixedOrigin } from "../src/network";
import { seed } from "../src/seed";
import { latestConfig } from "../src/sites";

const { values } = parseArgs({
  options: {
    receipts: { type: "string", default: "1000000" },
    db: { type: "string", default: "/tmp/assent-admin-bench.db" },
    runs: { type: "string", default: "40" },
  },
});
const TOTAL = Number(values.receipts);
const RUNS = Number(values.runs);
const DAY = 86_400_000;
const END = Date.UTC(2026, 5, 30);
const START = END - 180 * DAY;
const CATEGORIES = ["necessary", "preferences", "analytics", "marketing", "embeds"];

/** Deterministic pseudo-random numbers, so runs are comparable. */
function rng(seedValue: number) {
  let s = seedValue >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function subjectOf(n: number): string {
  return `subj${String(n).padStart(18, "0")}`;
}

async function generate(
  client: Awaited<ReturnType<typeof openLibsql>>["client"],
  siteId: number,
  hash: string,
) {
  const random = rng(42);
  const methodStats = new Map<string, number>();
  const categoryStats = new Map<string, [number, number]>();
  const started = performance.now();
  const BATCH = 2000;
  for (let done = 0; done < TOTAL; done += BATCH) {
    const statements: { sql: string; args: (string | number | null)[] }[] = [];
    const receiptRows: string[] = [];
    const receiptArgs: (string | number | null)[] = [];
    const categoryRows: string[] = [];
    const categoryArgs: (string | number | null)[] = [];
    for (let i = done; i < Math.min(TOTAL, done + BATCH); i++) {
      const time = START + Math.floor((i / TOTAL) * (END - START)) + Math.floor(random() * 1000);
      const r = random();
      const method =
        r < 0.55
          ? "accept-all"
          : r < 0.85
            ? "reject-all"
            : r < 0.97
              ? "custom"
              : (CONSENT_METHODS[3 + Math.floor(random() * 3)] as string);
      const policyVersion = time < START + 120 * DAY ? "1" : "2";
      const decision: Record<string, boolean> = {};
      for (const c of CATEGORIES) {
        decision[c] =
          c === "necessary" || method === "accept-all" || (method === "custom" && random() < 0.5);
      }
      const id = uuidv7(time);
      receiptRows.push("(?, ?, ?, ?, ?, ?, 'en', ?, ?, 0, 0, '/', '203.0.113.0', 'Bench/1')");
      receiptArgs.push(
        id,
        siteId,
        subjectOf(Math.floor(random() * (TOTAL / 3))),
        time,
        policyVersion,
        hash,
        method,
        JSON.stringify({ categories: decision, services: {} }),
      );
      const day = Math.floor(time / DAY);
      const mk = `${day}|${policyVersion}|${method}`;
      methodStats.set(mk, (methodStats.get(mk) ?? 0) + 1);
      for (const c of CATEGORIES) {
        categoryRows.push("(?, ?, ?, ?, ?)");
        categoryArgs.push(id, siteId, c, decision[c] ? 1 : 0, time);
        const ck = `${day}|${policyVersion}|${c}`;
        const cur = categoryStats.get(ck) ?? [0, 0];
        cur[decision[c] ? 0 : 1]++;
        categoryStats.set(ck, cur);
      }
    }
    statements.push({
      sql: `insert into receipts (id, site_id, subject_id, server_time, policy_version, config_hash, language, method, decision, gpc, gpc_header, page_path, ip, user_agent) values ${receiptRows.join(",")}`,
      args: receiptArgs,
    });
    for (let k = 0; k < categoryRows.length; k += 5000) {
      statements.push({
        sql: `insert into receipt_categories (receipt_id, site_id, category, granted, server_time) values ${categoryRows.slice(k, k + 5000).join(",")}`,
        args: categoryArgs.slice(k * 5, (k + 5000) * 5),
      });
    }
    await client.batch(statements, "write");
    if (done % 100_000 === 0)
      process.stdout.write(`\r  generated ${done.toLocaleString()} receipts`);
  }
  const rollups: { sql: string; args: (string | number)[] }[] = [];
  for (const [k, count] of methodStats) {
    const [day, pv, method] = k.split("|");
    rollups.push({
      sql: "insert into daily_method_stats values (?, ?, ?, ?, ?)",
      args: [siteId, Number(day), pv as string, method as string, count],
    });
  }
  for (const [k, [granted, denied]] of categoryStats) {
    const [day, pv, category] = k.split("|");
    rollups.push({
      sql: "insert into daily_category_stats values (?, ?, ?, ?, ?, ?)",
      args: [siteId, Number(day), pv as string, category as string, granted, denied],
    });
  }
  await client.batch(rollups, "write");
  console.log(
    `\r  generated ${TOTAL.toLocaleString()} receipts in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

async function main() {
  const fresh = !existsSync(values.db);
  const handle = await openLibsql({ url: `file:${values.db}` });
  const { db, client } = handle;
  await seed(db, {
    origin: "http://localhost",
    ownerEmail: "bench@example.org",
    ownerPassword: "bench password 123",
    now: Date.now(),
  });
  const site = await db.query.sites.findFirst();
  const config = site ? await latestConfig(db, site.id) : null;
  if (!site || !config) throw new Error("seed failed");
  const [{ n } = { n: 0 }] = (await client.execute("select count(*) as n from receipts"))
    .rows as unknown as { n: number }[];
  if (fresh || Number(n) < TOTAL) {
    console.log(`Generating ${TOTAL.toLocaleString()} receipts into ${values.db} ...`);
    await client.execute("delete from receipt_categories");
    await client.execute("delete from receipts");
    await client.execute("delete from daily_method_stats");
    await client.execute("delete from daily_category_stats");
    await generate(client, site.id, config.hash);
  } else {
    console.log(`Reusing ${Number(n).toLocaleString()} receipts in ${values.db}`);
  }

  const app = createApp({
    db,
    sdk: { loaderSource: "", uiPath: "/sdk/ui.js" },
    client: () => ({ ip: "127.0.0.1", country: null }),
    origin: fixedOrigin("http://localhost:8787"),
  });
  const signIn = await app.request("/v1/admin/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: "bench@example.org", password: "bench password 123" }),
  });
  const cookie = (signIn.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";

  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const picked = await client.execute("select subject_id from receipts where rowid = 4242");
  const someSubject = String(picked.rows[0]?.subject_id ?? subjectOf(1));
  const mid = new Date(START + 90 * DAY).toISOString();
  const cases: Array<[string, string, number]> = [
    ["page: newest 50", "/v1/admin/receipts?site=demo&limit=50", 100],
    [
      "page: time range",
      `/v1/admin/receipts?site=demo&from=${mid}&to=${new Date(START + 91 * DAY).toISOString()}`,
      100,
    ],
    ["page: method=custom", "/v1/admin/receipts?site=demo&method=custom", 100],
    ["page: method=withdraw (rare)", "/v1/admin/receipts?site=demo&method=withdraw", 100],
    ["page: policyVersion=1", "/v1/admin/receipts?site=demo&policyVersion=1", 100],
    ["page: analytics granted", "/v1/admin/receipts?site=demo&granted=analytics", 100],
    [
      "page: marketing denied + custom",
      "/v1/admin/receipts?site=demo&denied=marketing&method=custom",
      100,
    ],
    [
      "page: analytics granted, old range",
      `/v1/admin/receipts?site=demo&granted=analytics&to=${mid}`,
      100,
    ],
    ["page: subject id", `/v1/admin/receipts?site=demo&subject=${someSubject}`, 100],
    ["subject access", `/v1/admin/subjects/${someSubject}?site=demo`, 100],
    ["stats: 90 days", `/v1/admin/stats?site=demo&from=${day(END - 89 * DAY)}&to=${day(END)}`, 200],
    ["stats: 180 days", `/v1/admin/stats?site=demo&from=${day(START)}&to=${day(END)}`, 200],
  ];
  console.log(
    `\n${"query".padEnd(38)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"target".padStart(8)}  rows`,
  );
  let failed = 0;
  for (const [name, url, target] of cases) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS + 3; i++) {
      const t0 = performance.now();
      const res = await app.request(url, { headers: { Cookie: cookie } });
      const body = (await res.json()) as {
        items?: unknown[];
        receipts?: unknown[];
        days?: unknown[];
      };
      const elapsed = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
      rows = (body.items ?? body.receipts ?? body.days ?? []).length;
      if (i >= 3) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    if (p95 > target) failed++;
    console.log(
      `${name.padEnd(38)} ${percentile(times, 50).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)} ${`< ${target}`.padStart(8)}  ${rows}${p95 > target ? "  OVER TARGET" : ""}`,
    );
  }
  await handle.close();
  if (failed > 0) {
    console.log(`\n${failed} queries over target`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
