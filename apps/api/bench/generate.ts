import { uuidv7 } from "@assent/core";
import type { Database } from "@assent/db";
import { appendStatements, type ReceiptWrite, rawSql } from "../src/receipts";

/** What `generateReceipts` writes. */
export interface GenerateOptions {
  /** How many receipts (e.g. 1,000,000). */
  count: number;
  /** The site they belong to (it must exist: `receipts.site_id` references `sites`). */
  siteId: number;
  /** A published config hash of that site. */
  configHash: string;
  /** Policy versions to spread receipts over; the last one gets most receipts. */
  policyVersions: string[];
  /** Time range of `serverTime`, ms since epoch; receipts are spread evenly over it. */
  from: number;
  to: number;
  /** Categories every receipt decides on (default: the five default categories). */
  categories?: string[];
  /** Distinct subjects (default `count / 3`: returning visitors get several receipts). */
  subjects?: number;
  /** Receipts per transaction (default 5,000). */
  batchSize?: number;
  /** PRNG seed, so two runs produce the same shape (ids stay random). */
  seed?: number;
  onProgress?: (written: number) => void;
}

/** Small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEFAULT_CATEGORIES = ["necessary", "preferences", "analytics", "marketing", "embeds"];

/**
 * Writes synthetic receipts straight into the database in large transactions, with their
 * `receipt_categories` rows and daily rollups exactly as ingestion writes them (through the same
 * `appendStatements`), in time order. For benchmarks of the admin queries over a big log: e.g.
 * `await generateReceipts(db, { count: 1_000_000, siteId, configHash, policyVersions: ["1"],
 * from: Date.now() - 365 * 86_400_000, to: Date.now() })`. Receipts are not signed (no
 * `proof`): signing is the ingestion path's cost, measured separately.
 *
 * Mix: 55% accept-all, 25% reject-all, 17% custom (each category a coin flip weighted towards
 * analytics), 3% withdraw; 10% with GPC.
 * @returns receipts written and milliseconds taken
 */
export async function generateReceipts(
  db: Database,
  options: GenerateOptions,
): Promise<{ count: number; ms: number }> {
  const started = performance.now();
  const random = prng(options.seed ?? 42);
  const categories = options.categories ?? DEFAULT_CATEGORIES;
  const subjects = Math.max(1, options.subjects ?? Math.ceil(options.count / 3));
  const batchSize = options.batchSize ?? 5_000;
  const raw = rawSql(db);
  const span = Math.max(1, options.to - options.from);
  const versions = options.policyVersions;
  let written = 0;
  while (written < options.count) {
    const n = Math.min(batchSize, options.count - written);
    const writes: ReceiptWrite[] = [];
    for (let i = 0; i < n; i++) {
      const serverTime = Math.floor(options.from + ((written + i) / options.count) * span);
      const roll = random();
      const method =
        roll < 0.55
          ? "accept-all"
          : roll < 0.8
            ? "reject-all"
            : roll < 0.97
              ? "custom"
              : "withdraw";
      const decided: Record<string, boolean> = {};
      for (const c of categories) {
        decided[c] =
          c === "necessary" ||
          method === "accept-all" ||
          (method === "custom" && random() < (c === "analytics" ? 0.6 : 0.35));
      }
      const gpc = random() < 0.1;
      const subject = Math.floor(random() * subjects)
        .toString(36)
        .padStart(22, "0");
      const policyVersion =
        versions[random() < 0.8 ? versions.length - 1 : Math.floor(random() * versions.length)] ??
        "1";
      writes.push({
        categories: decided,
        row: {
          id: uuidv7(serverTime),
          siteId: options.siteId,
          subjectId: subject,
          serverTime,
          policyVersion,
          configHash: options.configHash,
          language: random() < 0.8 ? "en" : "de",
          method,
          decision: JSON.stringify({ categories: decided, services: {} }),
          gpc,
          gpcHeader: gpc,
          pagePath: "/",
          previousId: null,
          ip: `203.0.113.0`,
          userAgent: "Mozilla/5.0 (bench)",
          jurisdiction: random() < 0.7 ? "GB" : "DE",
          subdivision: null,
          ruleId: null,
          configVersion: null,
          wording: null,
          digest: null,
          signature: null,
          keyId: null,
          erasedAt: null,
        },
      });
    }
    await raw.batch(appendStatements(writes, 30_000));
    written += n;
    options.onProgress?.(written);
  }
  return { count: written, ms: performance.now() - started };
}
