import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AdminClient,
  postReceipts,
  receiptFor,
  signIn,
  siteConfig,
} from "../../test-support/http-client";
import { LOG_CRON, PURGE_CRON } from "./scheduled";
import {
  startWorker,
  WORKER_OWNER,
  type WorkerOnWorkerd,
  wranglerConfig,
} from "./worker-on-workerd";

const DAY = 86_400_000;

describe("retention on the Cron Trigger (Worker on workerd, D1)", () => {
  let w: WorkerOnWorkerd;
  let admin: AdminClient;
  beforeAll(async () => {
    w = await startWorker();
    admin = await signIn(w, WORKER_OWNER);
  }, 60_000);
  afterAll(async () => w?.close());

  const ids = async (site: string) => {
    const page = await admin.json<{ items: { id: string }[] }>(
      "GET",
      `/v1/admin/receipts?site=${site}&limit=500`,
    );
    return page.items.map((r) => r.id);
  };

  it("is declared in wrangler.jsonc as the handler expects", () => {
    expect(wranglerConfig().triggers?.crons).toEqual([PURGE_CRON, LOG_CRON]);
  });

  it("deletes receipts past the site's retention, more than D1 binds in one statement, audited and logged; prunes sign-in windows", async () => {
    // A year: the shortest retention the default configuration allows (it remembers an
    // acceptance for 365 days, and its receipt is kept as long).
    await admin.json("POST", "/v1/admin/sites", {
      key: "short",
      name: "Short",
      retentionDays: 365,
    });
    await admin.json("POST", "/v1/admin/sites", { key: "long", name: "Long" });
    const short = await siteConfig(w, "short");
    const long = await siteConfig(w, "long");
    // 150 expire together: the purge must not bind them all in one statement (D1 allows 100).
    const expiring = Array.from({ length: 150 }, () => receiptFor("short", short));
    const kept = [receiptFor("long", long)];
    await postReceipts(w, [...expiring, ...kept]);
    const stored = Date.now();
    // A failed sign-in opens a throttle window, which the day's job forgets once it has ended.
    const failed = await w.fetch("/v1/admin/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: w.origin },
      body: JSON.stringify({ ...WORKER_OWNER, password: "not the password" }),
    });
    expect(failed.status).toBe(401);
    const attempts = async () =>
      Number((await w.d1.prepare("SELECT count(*) FROM sign_in_attempts").raw())[0]?.[0]);
    expect(await attempts()).toBeGreaterThan(0);

    expect((await w.scheduled(stored + 364 * DAY)).outcome).toBe("ok");
    expect(await ids("short")).toHaveLength(150);

    const due = stored + 366 * DAY;
    expect((await w.scheduled(due)).outcome).toBe("ok");
    expect(await ids("short")).toEqual([]);
    expect(await ids("long")).toEqual(kept.map((r) => r.id));
    expect(await attempts()).toBe(0);

    const audit = await admin.json<{ items: { action: string; at: string; detail: unknown }[] }>(
      "GET",
      "/v1/admin/sites/short/audit",
    );
    const purge = audit.items.find((e) => e.action === "retention.purge");
    expect(purge?.detail).toMatchObject({ deleted: 150, retentionDays: 365, decisionDays: 365 });
    expect(purge?.at).toBe(new Date(due).toISOString());
    expect(w.logs.map((l) => l.message)).toContainEqual(
      expect.stringMatching(/^\[assent\] retention: deleted 150 receipts of short before /),
    );

    // The day is done: a second run the same day (a retried trigger) does nothing.
    expect((await w.scheduled(due)).outcome).toBe("ok");
    const again = await admin.json<{ items: { action: string }[] }>(
      "GET",
      "/v1/admin/sites/short/audit",
    );
    expect(again.items.filter((e) => e.action === "retention.purge")).toHaveLength(1);
  }, 60_000);
});
