import {
  type ExportContinuation,
  type ExportFormat,
  newSubjectId,
  type ReceiptInput,
  readContinuation,
} from "@assent/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "../../admin/export-formats";
import {
  type AdminClient,
  postReceipts,
  receiptFor,
  signIn,
  siteConfig,
} from "../../test-support/http-client";
import { LOG_CRON, PURGE_CRON } from "./scheduled";
import {
  type D1Invocation,
  startWorker,
  WORKER_OWNER,
  type WorkerOnWorkerd,
} from "./worker-on-workerd";

// D1 allows 1,000 queries per Worker invocation (Workers Paid); workerd does not count them. The
// harness does (`productionLimits`): it refuses the first query past the budget, as Cloudflare
// would. Each test lowers the Worker's budget (`ASSENT_TEST_D1_BUDGET`, which the harness enforces
// too) so that a few hundred receipts take a path past it, and checks that every invocation stayed
// within it and that the work came out whole across invocations.

const DAY = 86_400_000;
/** The budget the Worker is redeployed with: a warm start (9 queries) and a request fit. */
const QUERIES = 24;
/** The minute event runs integration, witnesses and the retention that goes on: a pass needs 15. */
const MINUTE_QUERIES = 40;
const EXPORTED = 450;
const PURGED_SITES = 12;
const PER_PURGED_SITE = 15;

describe("D1's queries per invocation, within a lowered budget (Worker on workerd)", () => {
  let w: WorkerOnWorkerd;
  let admin: AdminClient;
  const bulk: ReceiptInput[] = [];
  const expiring: ReceiptInput[] = [];
  const kept: ReceiptInput[] = [];
  const subject = newSubjectId();
  let stored = 0;

  const budget = (queries: number) =>
    w.redeploy({
      ASSENT_TEST_D1_BUDGET: JSON.stringify({
        queries,
        receiptRowsPerQuery: 10,
        exportRows: 1000,
      }),
    });
  /** Every invocation so far within its budget, none refused; then forgotten. */
  const withinBudget = async (): Promise<D1Invocation[]> => {
    const seen = await w.d1Queries({ clear: true });
    for (const i of seen) {
      expect({ ...i, over: i.statements > i.limit }).toMatchObject({ over: false, refused: 0 });
    }
    return seen;
  };
  const scalar = async (sql: string) => Number((await w.d1.prepare(sql).raw())[0]?.[0] ?? 0);

  beforeAll(async () => {
    w = await startWorker();
    admin = await signIn(w, WORKER_OWNER);
    await admin.json("POST", "/v1/admin/sites", { key: "bulk", name: "Bulk" });
    const bulkConfig = await siteConfig(w, "bulk");
    bulk.push(
      ...Array.from({ length: EXPORTED }, (_, i) =>
        receiptFor("bulk", bulkConfig, i < 3 ? { subjectId: subject } : {}),
      ),
    );
    await postReceipts(w, bulk, 25);
    // Sites keeping receipts a year (the shortest the default configuration allows).
    for (let i = 1; i <= PURGED_SITES; i++) {
      const key = `purged-${i}`;
      await admin.json("POST", "/v1/admin/sites", { key, name: key, retentionDays: 365 });
      const config = await siteConfig(w, key);
      expiring.push(...Array.from({ length: PER_PURGED_SITE }, () => receiptFor(key, config)));
    }
    await postReceipts(w, expiring, 25);
    const demo = await siteConfig(w, "demo");
    kept.push(...Array.from({ length: 5 }, () => receiptFor("demo", demo)));
    await postReceipts(w, kept);
    stored = Date.now();
    // A failed sign-in opens a throttle window, which the end of the day's run forgets.
    const failed = await w.fetch("/v1/admin/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: w.origin },
      body: JSON.stringify({ ...WORKER_OWNER, password: "not the password" }),
    });
    expect(failed.status).toBe(401);
    await budget(QUERIES);
    await w.fetch("/healthz"); // the new isolate's start, within the budget too
    await withinBudget();
  }, 180_000);
  afterAll(async () => w?.close());

  /** Follows an export's parts to its end, checking each; returns the ids and the parts. */
  async function exportAll(format: ExportFormat) {
    const ids: string[] = [];
    const parts: string[] = [];
    let path: string | null = `/v1/admin/exports?site=bulk&format=${format}`;
    while (path) {
      const res = await admin.get(path);
      expect(res.status).toBe(200);
      const text = await res.text();
      parts.push(text);
      const lines = text.replace(/\r?\n$/, "").split(/\r?\n/);
      const next: ExportContinuation | null = readContinuation(format, lines.at(-1) ?? "");
      if (format === "csv") {
        expect(lines[0]).toBe(CSV_COLUMNS.join(","));
        ids.push(...lines.slice(1, next ? -1 : undefined).map((l) => l.split(",")[0] as string));
      } else if (format === "ndjson") {
        const rows = lines.slice(0, next ? -1 : undefined);
        ids.push(...rows.map((l) => (JSON.parse(l) as { id: string }).id));
      } else {
        // Each part is one JSON document; a part that goes on says so after its records.
        const doc = JSON.parse(text) as {
          records: { recordId: string }[];
          continuation?: ExportContinuation;
        };
        expect(doc.continuation ?? null).toEqual(next);
        ids.push(...doc.records.map((r) => r.recordId));
      }
      if (next) {
        expect(next.next).toBe(
          `/v1/admin/exports?site=bulk&format=${format}&cursor=${next.cursor}`,
        );
      }
      path = next?.next ?? null;
    }
    return { ids, parts };
  }

  it.each(["csv", "ndjson", "iso27560"] as const)(
    "exports every receipt once in %s, in parts that each stay within the budget and end with a continuation marker but the last",
    async (format) => {
      const { ids, parts } = await exportAll(format);
      expect(ids).toHaveLength(EXPORTED);
      expect(new Set(ids)).toEqual(new Set(bulk.map((r) => r.id)));
      // 12 reads of 10 receipts a part: 120 receipts each, then the rest.
      expect(parts.length).toBe(Math.ceil(EXPORTED / 120));
      const requests = (await withinBudget()).filter((i) => i.name === "GET /v1/admin/exports");
      expect(requests).toHaveLength(parts.length);
    },
    60_000,
  );

  it("answers the admin reads and a subject's access and erasure within the budget", async () => {
    const paths = [
      "/v1/admin/receipts?site=bulk&limit=500",
      `/v1/admin/receipts?site=bulk&subject=${subject}`,
      `/v1/admin/subjects/${subject}?site=bulk`,
      "/v1/admin/stats?site=bulk&from=2025-06-01&to=2026-07-05",
      "/v1/admin/sites",
      "/v1/admin/sites/bulk/audit",
      "/v1/admin/sites/bulk/members",
      "/v1/sites/bulk/log/checkpoint",
    ];
    for (const path of paths) expect((await admin.get(path)).status).toBe(200);
    const erased = await admin.json<{ erased: number }>(
      "DELETE",
      `/v1/admin/subjects/${subject}?site=bulk`,
    );
    expect(erased.erased).toBe(3);
    expect(await withinBudget()).toHaveLength(paths.length + 1);
  });

  it("integrates every waiting receipt into its site's log over successive minutes, each within the budget", async () => {
    await budget(MINUTE_QUERIES);
    const waiting = () => scalar("SELECT count(*) FROM log_pending");
    expect(await waiting()).toBeGreaterThan(EXPORTED);
    let events = 0;
    while ((await waiting()) > 0 && events < 80) {
      expect((await w.scheduled(Date.now(), LOG_CRON)).outcome).toBe("ok");
      events++;
    }
    expect(await waiting()).toBe(0);
    // Each site wrote its own pass (one fits the budget), so it took several minutes.
    expect(events).toBeGreaterThan(PURGED_SITES);
    const logged = await scalar("SELECT count(*) FROM log_leaves WHERE receipt_id IS NOT NULL");
    expect(logged).toBe(bulk.length + expiring.length + kept.length);
    const minutes = (await withinBudget()).filter((i) => i.kind === "scheduled");
    expect(minutes).toHaveLength(events);
  }, 120_000);

  it("purges receipts past retention over successive events, recording where it stopped, until done", async () => {
    await budget(QUERIES);
    const remaining = (site: string) =>
      scalar(
        `SELECT count(*) FROM receipts r JOIN sites s ON s.id = r.site_id WHERE s.key LIKE '${site}'`,
      );
    const unfinished = () =>
      w.d1.prepare("SELECT period FROM job_runs WHERE job = 'retention.unfinished'").raw();
    expect(await remaining("purged-%")).toBe(expiring.length);
    // 03:17 UTC, a year and a day after the receipts were stored.
    const due = Math.floor((stored + 366 * DAY) / DAY) * DAY + (3 * 60 + 17) * 60_000;
    expect((await w.scheduled(due, PURGE_CRON)).outcome).toBe("ok");
    // The day's run stopped at its budget, part-way, and recorded where.
    const left = await remaining("purged-%");
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(expiring.length);
    expect((await unfinished())[0]?.[0]).toMatch(
      new RegExp(`^${new Date(due).toISOString().slice(0, 10)}/\\d+$`),
    );
    expect(w.logs.map((l) => l.message)).toContainEqual(
      expect.stringMatching(/^\[assent\] retention: stopped at this run's 24 queries/),
    );
    // A second daily event the same day does nothing; the minute's events go on with the run.
    expect((await w.scheduled(due + 60_000, PURGE_CRON)).outcome).toBe("ok");
    let minutes = 0;
    while ((await unfinished()).length > 0 && minutes < 20) {
      minutes++;
      expect((await w.scheduled(due + minutes * 60_000, LOG_CRON)).outcome).toBe("ok");
    }
    expect(minutes).toBeGreaterThan(1);
    expect(await remaining("purged-%")).toBe(0);
    expect(await remaining("demo")).toBeGreaterThanOrEqual(kept.length);
    expect(await remaining("bulk")).toBe(EXPORTED);
    // The end of the run ran once it was done: the ended sign-in window is forgotten.
    expect(await scalar("SELECT count(*) FROM sign_in_attempts")).toBe(0);
    const scheduled = (await withinBudget()).filter((i) => i.kind === "scheduled");
    expect(scheduled).toHaveLength(minutes + 2);

    // Every site's deletions are audited, adding up to what it held.
    await budget(1000);
    admin = await signIn(w, WORKER_OWNER);
    for (let i = 1; i <= PURGED_SITES; i++) {
      const audit = await admin.json<{ items: { action: string; detail: { deleted: number } }[] }>(
        "GET",
        `/v1/admin/sites/purged-${i}/audit`,
      );
      const purges = audit.items.filter((e) => e.action === "retention.purge");
      expect(purges.reduce((n, e) => n + e.detail.deleted, 0)).toBe(PER_PURGED_SITE);
    }
  }, 120_000);
});
