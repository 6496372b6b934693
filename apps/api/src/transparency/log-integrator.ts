import {
  appendLeaves,
  configEntry,
  decodeEdge,
  edgeRoot,
  emptyEdge,
  encodeEdge,
  formatCheckpoint,
  leafHash,
  receiptEntry,
  signNote,
  toHex,
} from "@assent/core";
import { type Database, isUniqueViolation } from "@assent/db";
import type { QueryMeter } from "../limits";
import { rawSql, type Statement } from "../receipts";
import type { Keyring } from "../signing";
import { type IntegrationWindow, readWindow, type SiteLogState } from "./integration-window";
import { logKeyFor, logOrigin } from "./log-keys";

/** How long every signed checkpoint is kept; after it, the last of each hour (UTC) only. */
export const CHECKPOINTS_KEPT_MS = 10 * 60_000;

/** How an integrator runs. */
export interface IntegratorOptions {
  /** The public origin (`https://consent.example.org`): a new log's origin is named after it. */
  publicOrigin: () => string;
  /** Receipts read per pass (2,000 when absent); configs, 500. */
  maxReceipts?: number;
  maxConfigs?: number;
  /**
   * Commits a pass's statements, all or none (`db.batch` when absent). The Node entry hands them
   * to its commit thread for a libSQL file, so no lock wait or fsync blocks the event loop.
   */
  write?: (statements: Statement[]) => Promise<void>;
  /** Opens the checkpoint keys (the database's registered keyring when absent). */
  keyring?: Keyring;
  /**
   * Most sites one pass writes (all in its window when absent): a window with more is cut to
   * what a smaller window of the same snapshot would have held (`fitWindow`).
   */
  maxSites?: number;
  now?: () => number;
}

/** Queries a pass takes besides its sites': the window (4 statements), cursors and queue (2). */
const PASS_QUERIES = 6;
/**
 * Queries a pass takes per site it writes: its checkpoint key (read; or read, created and read
 * again) and 6 statements of the pass's batch.
 */
const SITE_PASS_QUERIES = 9;

/** What a pass did. */
export interface IntegrationReport {
  /** Entries appended, over all sites. */
  leaves: number;
  /** Sites that got a new checkpoint. */
  sites: number;
  /** The pass read as much as it may: more may be waiting. */
  full: boolean;
}

interface SiteWork {
  siteId: number;
  entries: Array<{ entry: Uint8Array; receiptId: string | null; configId: number | null }>;
}

/** Groups a window's entries per site, configs first, each config after its site's cursor. */
function workOf(w: IntegrationWindow, configsOnly: boolean) {
  const work: Array<SiteWork & SiteLogState> = [];
  for (const site of w.sites) {
    const configCursor = site.state?.configCursor ?? w.configFrom;
    const entries: SiteWork["entries"] = [];
    for (const c of w.configs) {
      if (c.siteId !== site.siteId || c.id <= configCursor) continue;
      entries.push({ entry: configEntry(c.hash), receiptId: null, configId: c.id });
    }
    for (const r of configsOnly ? [] : w.receipts) {
      if (r.log?.siteId !== site.siteId) continue;
      entries.push({ entry: receiptEntry(r.log.digest), receiptId: r.id, configId: null });
    }
    if (entries.length > 0) work.push({ ...site, entries });
  }
  return work;
}

/**
 * The part of a window a pass may write when it may touch at most `maxSites` sites, as a smaller
 * window of the same snapshot would have read it: the configs up to the first whose site would be
 * one too many (`configsOnly`: that pass logs configs only, as after a full config window), or
 * all the configs and the queue's receipts up to the first whose site would be. `cut` says it
 * is smaller.
 */
function fitWindow(w: IntegrationWindow, maxSites: number) {
  const seen = new Set<number>();
  const fits = (siteId: number) => {
    seen.add(siteId);
    return seen.size <= maxSites;
  };
  const configs = w.configs.findIndex((c) => !fits(c.siteId));
  if (configs >= 0) {
    return { window: { ...w, configs: w.configs.slice(0, configs) }, configsOnly: true, cut: true };
  }
  const receipts = w.receipts.findIndex((r) => r.log !== null && !fits(r.log.siteId));
  if (receipts >= 0) {
    const window = { ...w, receipts: w.receipts.slice(0, receipts) };
    return { window, configsOnly: false, cut: true };
  }
  return { window: w, configsOnly: false, cut: false };
}

/**
 * One integration pass: reads the published configs and the receipts waiting in `log_pending`
 * (`readWindow`), appends them to their sites' logs (configs first), and writes the new leaves,
 * tile nodes, tree edge, config cursors and a signed checkpoint per site, and removes the
 * receipts it read from `log_pending`, in ONE `db.batch`. Two integrators racing append at the
 * same indexes: the second batch breaks `log_leaves`' primary key and stores nothing (it throws;
 * `integrate` retries it), so nothing is logged twice and nothing is skipped.
 */
export async function integrateOnce(
  db: Database,
  options: IntegratorOptions,
): Promise<IntegrationReport> {
  const now = (options.now ?? Date.now)();
  const limits = { receipts: options.maxReceipts ?? 2000, configs: options.maxConfigs ?? 500 };
  const fit = fitWindow(await readWindow(db, limits), options.maxSites ?? Number.POSITIVE_INFINITY);
  const w = fit.window;
  // A full config window may hide a config a later receipt names: this pass logs configs only.
  const configsOnly = w.configs.length >= limits.configs || fit.configsOnly;
  const lastConfig = w.configs.at(-1)?.id ?? w.configFrom;
  const dequeued = configsOnly ? [] : w.receipts.map((r) => [r.queued, r.id]);
  const work = workOf(w, configsOnly);
  const statements: Statement[] = [];
  let leaves = 0;
  for (const site of work) {
    const edge = site.state ? decodeEdge(site.state.edge) : emptyEdge();
    const hashes = await Promise.all(site.entries.map((e) => leafHash(e.entry)));
    const grown = await appendLeaves(edge, hashes);
    const key = await logKeyFor(
      db,
      { id: site.siteId },
      logOrigin(options.publicOrigin(), site.siteKey),
      now,
      options.keyring,
    );
    const root = await edgeRoot(grown.edge);
    const note = await signNote(
      formatCheckpoint({ origin: key.name, size: grown.edge.size, root }),
      {
        name: key.name,
        privateKey: key.privateKey,
        publicKey: key.publicKey,
      },
    );
    const leafRows = site.entries.map((e, i) => [
      edge.size + i,
      toHex(e.entry),
      e.receiptId,
      e.configId,
    ]);
    const nodeRows = grown.nodes.map((n) => [n.level, n.index, toHex(n.hash)]);
    const configCursor = Math.max(site.state?.configCursor ?? 0, lastConfig);
    statements.push(
      {
        sql: "INSERT INTO log_leaves (site_id, idx, entry, receipt_id, config_id) SELECT ?, json_extract(value, '$[0]'), unhex(json_extract(value, '$[1]')), json_extract(value, '$[2]'), json_extract(value, '$[3]') FROM json_each(?)",
        args: [site.siteId, JSON.stringify(leafRows)],
      },
      {
        sql: "INSERT INTO log_nodes (site_id, level, idx, hash) SELECT ?, json_extract(value, '$[0]'), json_extract(value, '$[1]'), unhex(json_extract(value, '$[2]')) FROM json_each(?)",
        args: [site.siteId, JSON.stringify(nodeRows)],
      },
      {
        sql: "INSERT INTO log_state (site_id, size, edge, config_cursor, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (site_id) DO UPDATE SET size = excluded.size, edge = excluded.edge, config_cursor = excluded.config_cursor, updated_at = excluded.updated_at",
        args: [site.siteId, grown.edge.size, encodeEdge(grown.edge), configCursor, now],
      },
      {
        sql: "INSERT INTO log_checkpoints (site_id, size, note, created_at) VALUES (?, ?, ?, ?)",
        args: [site.siteId, grown.edge.size, note, now],
      },
      // A pass every 250 ms signs up to 345,600 checkpoints a day: those older than
      // `CHECKPOINTS_KEPT_MS` go, but the last of each hour (what the site published, hour by
      // hour). Nothing needs the others: proofs come from the tiles.
      {
        sql: "DELETE FROM log_checkpoints WHERE site_id = ? AND created_at < ? AND size NOT IN (SELECT max(size) FROM log_checkpoints WHERE site_id = ? GROUP BY created_at / 3600000)",
        args: [site.siteId, now - CHECKPOINTS_KEPT_MS, site.siteId],
      },
      // And the witnesses' cosignatures of the checkpoints that went.
      {
        sql: "DELETE FROM witness_cosignatures WHERE site_id = ? AND size NOT IN (SELECT size FROM log_checkpoints WHERE site_id = ?)",
        args: [site.siteId, site.siteId],
      },
    );
    leaves += site.entries.length;
  }
  // Every other site had no config in the window: its config cursor moves past it too.
  const worked = JSON.stringify(work.map((s) => s.siteId));
  statements.push({
    sql: "UPDATE log_state SET config_cursor = ? WHERE config_cursor < ? AND site_id NOT IN (SELECT value FROM json_each(?))",
    args: [lastConfig, lastConfig, worked],
  });
  // The receipts read leave the queue: logged above, or with nothing to log. By (rowid, id)
  // pair, never by range: a pass that lost a race must not dequeue what came after.
  if (dequeued.length > 0) {
    statements.push({
      sql: "DELETE FROM log_pending WHERE rowid IN (SELECT p.rowid FROM json_each(?) j JOIN log_pending p ON p.rowid = json_extract(j.value, '$[0]') AND p.receipt_id = json_extract(j.value, '$[1]'))",
      args: [JSON.stringify(dequeued)],
    });
  }
  if (work.length > 0 || dequeued.length > 0 || lastConfig !== w.configFrom) {
    await (options.write ?? rawSql(db).batch)(statements);
  }
  const full = configsOnly || fit.cut || w.receipts.length >= limits.receipts;
  return { leaves, sites: work.length, full };
}

/**
 * Integrates until nothing is waiting (or `maxPasses` passes), retrying a pass that lost a race
 * to another instance (a broken `log_leaves` primary key: that batch stored nothing). Within a
 * `meter` (the Worker's Cron Trigger), each pass writes only as many sites as the queries left
 * (less `reserve`) allow, at most `SITE_PASS_QUERIES` each, and no pass starts that could not
 * write one: what is left waits, `full`, for the next event.
 */
export async function integrate(
  db: Database,
  options: IntegratorOptions & { maxPasses?: number; meter?: QueryMeter; reserve?: number },
): Promise<IntegrationReport> {
  const total: IntegrationReport = { leaves: 0, sites: 0, full: false };
  const { meter, reserve = 0 } = options;
  let conflicts = 0;
  for (let pass = 0; pass < (options.maxPasses ?? 1000); pass++) {
    const left = meter ? meter.remaining() - reserve - PASS_QUERIES : Number.POSITIVE_INFINITY;
    const maxSites = Math.min(options.maxSites ?? left, Math.floor(left / SITE_PASS_QUERIES));
    if (maxSites < 1) {
      total.full = true;
      break;
    }
    let report: IntegrationReport;
    try {
      report = await integrateOnce(db, { ...options, maxSites });
    } catch (err) {
      if (!isUniqueViolation(err) || ++conflicts > 20) throw err;
      pass--;
      continue;
    }
    total.leaves += report.leaves;
    total.sites += report.sites;
    total.full = report.full;
    if (!report.full) break;
  }
  return total;
}
