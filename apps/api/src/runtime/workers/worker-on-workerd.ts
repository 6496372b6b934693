import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { buildWorker } from "../../../scripts/build-worker";
import { D1_QUERIES_PER_INVOCATION } from "./d1-budget";

/** `wrangler.jsonc`, the deployment config the tests run the Worker with. */
const WRANGLER = fileURLToPath(new URL("../../../wrangler.jsonc", import.meta.url));

/** The parts of `wrangler.jsonc` the tests read. */
export interface WranglerConfig {
  compatibility_date: string;
  assets: { directory: string; binding: string };
  triggers?: { crons?: string[] };
}

/** `wrangler.jsonc` parsed (its `//` comments dropped). */
export function wranglerConfig(): WranglerConfig {
  const text = readFileSync(WRANGLER, "utf8").replace(/^\s*\/\/.*$/gm, "");
  return JSON.parse(text) as WranglerConfig;
}

/** Miniflare's D1 binding, usable from Node. */
type D1Database = Awaited<ReturnType<Miniflare["getD1Database"]>>;

/** The part of miniflare's Worker handle that fires a Cron Trigger. */
interface ScheduledFetcher {
  scheduled(options: { scheduledTime?: Date; cron?: string }): Promise<{ outcome: string }>;
}

/**
 * An entry module that puts limits of Cloudflare's production runtime back in front of the
 * bundle, which the open-source workerd behind miniflare leaves out:
 * - PBKDF2 above 100,000 iterations fails there (`NotSupportedError`);
 * - D1 allows `D1_QUERIES_PER_INVOCATION` queries per invocation (Workers Paid), or the lower
 *   budget a test sets in `ASSENT_TEST_D1_BUDGET`. Every query is counted against the invocation
 *   (a request, with its streamed body; a scheduled event, with its `waitUntil` work), each
 *   statement of a `batch` as one (Cloudflare does not say how it counts a batch: this is the
 *   stricter reading), and the first one past the budget fails as it would there. Invocations
 *   are told apart by start, so a test that checks a count drives one invocation at a time.
 *   `GET /__test/d1-queries` (not counted) answers what each invocation used so far.
 */
function productionLimits(bundle: string): string {
  return `const subtle = crypto.subtle;
const deriveBits = subtle.deriveBits.bind(subtle);
subtle.deriveBits = (algorithm, key, length) =>
  algorithm?.name === "PBKDF2" && algorithm.iterations > 100000
    ? Promise.reject(new DOMException(\`Pbkdf2 failed: iteration counts above 100000 are not supported (requested \${algorithm.iterations}).\`, "NotSupportedError"))
    : deriveBits(algorithm, key, length);
import worker from "./${bundle}";
const invocations = [];
let current = null;
let latest = null;
let counted = null;
const real = new WeakMap();
function spend(n) {
  if (!current) return null;
  current.calls++;
  current.statements += n;
  if (current.statements <= current.limit) return null;
  current.refused++;
  return new Error(\`D1_ERROR: Too many API requests by single worker invocation (\${current.statements} queries, the budget is \${current.limit})\`);
}
function statement(stmt) {
  const wrapped = new Proxy(stmt, {
    get(target, prop) {
      if (prop === "bind") return (...args) => statement(target.bind(...args));
      if (prop === "all" || prop === "raw" || prop === "run" || prop === "first") {
        return (...args) => {
          const refused = spend(1);
          return refused ? Promise.reject(refused) : target[prop](...args);
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  real.set(wrapped, stmt);
  return wrapped;
}
function withCountedDb(env) {
  latest = env.DB;
  counted ??= new Proxy({}, {
    get(_, prop) {
      if (prop === "prepare") return (sql) => statement(latest.prepare(sql));
      if (prop === "batch") {
        return (list) => {
          const refused = spend(list.length);
          return refused ? Promise.reject(refused) : latest.batch(list.map((s) => real.get(s) ?? s));
        };
      }
      const value = latest[prop];
      return typeof value === "function" ? value.bind(latest) : value;
    },
  });
  return { ...env, DB: counted };
}
function begin(kind, name, env) {
  const budget = env.ASSENT_TEST_D1_BUDGET ? JSON.parse(env.ASSENT_TEST_D1_BUDGET) : {};
  current = { kind, name, statements: 0, calls: 0, refused: 0, limit: budget.queries ?? ${D1_QUERIES_PER_INVOCATION} };
  invocations.push(current);
}
export default {
  fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === "/__test/d1-queries") {
      const body = Response.json(invocations);
      if (url.searchParams.has("clear")) invocations.length = 0;
      return body;
    }
    begin("fetch", request.method + " " + url.pathname, env);
    return worker.fetch(request, withCountedDb(env), ctx);
  },
  scheduled(controller, env, ctx) {
    begin("scheduled", controller.cron, env);
    return worker.scheduled(controller, withCountedDb(env), ctx);
  },
};
`;
}

/** What one invocation of the test Worker used of D1 (see `productionLimits`). */
export interface D1Invocation {
  kind: "fetch" | "scheduled";
  /** `METHOD /path` of a request, the cron of a scheduled event. */
  name: string;
  /** Statements run, each statement of a batch counted. */
  statements: number;
  /** Calls made to D1: a query, or a batch. */
  calls: number;
  /** The budget it was counted against. */
  limit: number;
  /** Queries refused for being past the budget. */
  refused: number;
}

/** Owner the test Worker seeds on its first request. */
export const WORKER_OWNER = {
  email: "owner@example.org",
  password: "correct horse battery staple",
};

/** The `ASSENT_SECRET` the test Worker encrypts its signing keys with (a Workers secret). */
export const WORKER_SECRET = "test-only-secret-W0rker-on-workerd-0123456789";

/** The built Worker running on workerd, with a local D1 and its static assets. */
export interface WorkerOnWorkerd {
  origin: string;
  /** The static assets folder the Worker was deployed with (`_headers` and `sdk/`). */
  assetsDir: string;
  mf: Miniflare;
  d1: D1Database;
  /** What the Worker logged (`console.*` on workerd), oldest first. */
  logs: Array<{ level: string; message: string }>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Fires the Cron Trigger as if it were due at `at` (ms); resolves once its work is done. */
  scheduled(at: number, cron?: string): Promise<{ outcome: string }>;
  /** What each invocation so far used of D1, oldest first (`clear`: and forget them). */
  d1Queries(options?: { clear?: boolean }): Promise<D1Invocation[]>;
  /**
   * Deploys the same Worker again with `bindings` changed (e.g. a lower `ASSENT_TEST_D1_BUDGET`),
   * on the same D1: a new isolate, which starts again on its first request.
   */
  redeploy(bindings: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Bundles the Worker (`scripts/build-worker.ts`) into a temporary folder and runs it on workerd
 * through miniflare as `wrangler.jsonc` deploys it: the D1 binding `DB`, the built SDK as static
 * assets in front of the Worker (with their `_headers`), `PUBLIC_URL` set to `origin`,
 * `ASSENT_SECRET` (`WORKER_SECRET`; a binding set to `""` removes a default), and
 * Cloudflare's PBKDF2 and D1 query limits (`productionLimits`; `ASSENT_TEST_D1_BUDGET` lowers
 * the Worker's budget and the limit together).
 * For tests only.
 */
export async function startWorker(
  bindings: Record<string, string> = {},
  origin = "http://localhost:8787",
): Promise<WorkerOnWorkerd> {
  const config = wranglerConfig();
  const dir = mkdtempSync(join(tmpdir(), "assent-worker-"));
  try {
    const bundle = await buildWorker(join(dir, "worker"));
    const scriptPath = join(dir, "worker", "production-limits.js");
    writeFileSync(scriptPath, productionLimits(basename(bundle)));
    const logs: WorkerOnWorkerd["logs"] = [];
    const options = {
      modules: true,
      scriptPath,
      modulesRoot: join(dir, "worker"),
      modulesRules: [{ type: "ESModule", include: ["**/*.js"] }],
      compatibilityDate: config.compatibility_date,
      d1Databases: { DB: "assent-test" },
      d1Persist: join(dir, "d1"),
      assets: {
        directory: join(dir, "worker", "public"),
        binding: config.assets.binding,
        routerConfig: { has_user_worker: true },
      },
      handleStructuredLogs: ({ level, message }: { level: string; message: string }) => {
        logs.push({ level, message });
        if (level === "error") console.error(`[workerd] ${message}`);
      },
      bindings: {
        PUBLIC_URL: origin,
        ASSENT_ADMIN_EMAIL: WORKER_OWNER.email,
        ASSENT_ADMIN_PASSWORD: WORKER_OWNER.password,
        ASSENT_SECRET: WORKER_SECRET,
        RATE_LIMIT_IP: "off",
        ...bindings,
      } as Record<string, string>,
    };
    const mf = new Miniflare(options);
    let d1 = await mf.getD1Database("DB");
    return {
      origin,
      assetsDir: join(dir, "worker", "public"),
      mf,
      get d1() {
        return d1;
      },
      logs,
      // Cloudflare's edge sets both CF-IPCountry and `request.cf.country` (and, with its visitor
      // location headers on, CF-Region-Code and `request.cf.regionCode`); the Worker reads
      // `request.cf`, which a client cannot send.
      fetch: async (path, init) => {
        const headers = new Headers(init?.headers);
        const country = headers.get("CF-IPCountry")?.toUpperCase();
        const regionCode = headers.get("CF-Region-Code")?.toUpperCase();
        // miniflare fills what `cf` leaves out from a sample (a Texan), so both are always given.
        const cf = country ? { country, regionCode: regionCode ?? "" } : undefined;
        return (await mf.dispatchFetch(`${origin}${path}`, { ...init, cf } as never)) as never;
      },
      scheduled: async (at, cron = config.triggers?.crons?.[0] ?? "") => {
        const worker = (await mf.getWorker()) as unknown as ScheduledFetcher;
        return worker.scheduled({ scheduledTime: new Date(at), cron });
      },
      d1Queries: async (options) => {
        const res = await mf.dispatchFetch(
          `${origin}/__test/d1-queries${options?.clear ? "?clear" : ""}`,
        );
        return (await res.json()) as D1Invocation[];
      },
      redeploy: async (changed) => {
        options.bindings = { ...options.bindings, ...changed };
        await mf.setOptions(options);
        d1 = await mf.getD1Database("DB");
      },
      close: async () => {
        await mf.dispose();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    // A bundle or runtime that fails to start leaves nothing behind.
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
