import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { buildWorker } from "../../../scripts/build-worker";

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
 * An entry module that puts a limit of Cloudflare's production runtime back in front of the
 * bundle: PBKDF2 above 100,000 iterations fails there (`NotSupportedError`), while the open
 * source workerd behind miniflare leaves its limit enforcer empty and runs any count.
 */
function productionLimits(bundle: string): string {
  return `const subtle = crypto.subtle;
const deriveBits = subtle.deriveBits.bind(subtle);
subtle.deriveBits = (algorithm, key, length) =>
  algorithm?.name === "PBKDF2" && algorithm.iterations > 100000
    ? Promise.reject(new DOMException(\`Pbkdf2 failed: iteration counts above 100000 are not supported (requested \${algorithm.iterations}).\`, "NotSupportedError"))
    : deriveBits(algorithm, key, length);
export { default } from "./${bundle}";
`;
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
  close(): Promise<void>;
}

/**
 * Bundles the Worker (`scripts/build-worker.ts`) into a temporary folder and runs it on workerd
 * through miniflare as `wrangler.jsonc` deploys it: the D1 binding `DB`, the built SDK as static
 * assets in front of the Worker (with their `_headers`), `PUBLIC_URL` set to `origin`,
 * `ASSENT_SECRET` (`WORKER_SECRET`; a binding set to `""` removes a default), and
 * Cloudflare's PBKDF2 limit (`productionLimits`).
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
    const mf = new Miniflare({
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
      },
    });
    const d1 = await mf.getD1Database("DB");
    return {
      origin,
      assetsDir: join(dir, "worker", "public"),
      mf,
      d1,
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
