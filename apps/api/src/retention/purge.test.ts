import { warningRules } from "@assent/core";
import {
  auditLog,
  dailyMethodStats,
  receiptCategories,
  receipts,
  retentionChanges,
  sites,
} from "@assent/db";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";
import { decisionReachDays } from "./decision-reach";
import { PURGE_STEP, purgeExpiredReceipts, schedulePurge } from "./purge";

const DAY = 86_400_000;
let t: Awaited<ReturnType<typeof createTestApp>>;
let now = 0;
beforeEach(async () => {
  now = Date.UTC(2020, 0, 1);
  t = await createTestApp({ now: () => now });
});
afterEach(async () => t.close());

describe("retention purge", () => {
  it("deletes receipts and their category rows older than the site's retention, audited", async () => {
    await t.db.update(sites).set({ retentionDays: 400 }).where(eq(sites.key, "demo"));
    const old = t.receipt();
    expect((await t.post("/v1/receipts", old)).status).toBe(201);
    now += 20 * DAY;
    const kept = t.receipt();
    expect((await t.post("/v1/receipts", kept)).status).toBe(201);

    now += 381 * DAY; // the first is 401 days old, the second 381
    const reports = await purgeExpiredReceipts(t.db, now);
    expect(reports).toEqual([
      { site: "demo", cutoff: new Date(now - 400 * DAY).toISOString(), deleted: 1 },
    ]);
    const left = await t.db.select({ id: receipts.id }).from(receipts);
    expect(left.map((r) => r.id)).toEqual([kept.id]);
    const cats = await t.db.select().from(receiptCategories);
    expect(new Set(cats.map((c) => c.receiptId))).toEqual(new Set([kept.id]));
    expect((await t.db.select().from(dailyMethodStats)).length).toBe(2);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "retention.purge"));
    expect(JSON.parse(entry?.detail ?? "{}")).toMatchObject({
      deleted: 1,
      retentionDays: 400,
      decisionDays: 365,
    });

    expect(await purgeExpiredReceipts(t.db, now)).toEqual([]);
  });

  it("keeps everything younger than the default six years", async () => {
    expect((await t.post("/v1/receipts", t.receipt())).status).toBe(201);
    expect(await purgeExpiredReceipts(t.db, now + 2189 * DAY)).toEqual([]);
    const [report] = await purgeExpiredReceipts(t.db, now + 2191 * DAY);
    expect(report?.deleted).toBe(1);
  });

  it("purges in steps past the step size, each step audited with what it deleted", async () => {
    await t.db.update(sites).set({ retentionDays: 365 }).where(eq(sites.key, "demo"));
    for (let i = 0; i < PURGE_STEP + 203; i++) {
      await t.client.execute({
        sql: "insert into receipts (id, site_id, subject_id, server_time, policy_version, config_hash, language, method, decision, gpc, gpc_header) values (?, 1, 'x', ?, '1', 'h', 'en', 'custom', '{}', 0, 0)",
        args: [`r-${i}`, now - 366 * DAY],
      });
    }
    const [report] = await purgeExpiredReceipts(t.db, now);
    expect(report?.deleted).toBe(PURGE_STEP + 203);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "retention.purge"));
    expect(audits.map((e) => JSON.parse(e.detail ?? "{}").deleted)).toEqual([PURGE_STEP, 203]);
  });

  it("deletes nothing when a step's audit entry cannot be written", async () => {
    await t.db.update(sites).set({ retentionDays: 365 }).where(eq(sites.key, "demo"));
    const old = t.receipt();
    expect((await t.post("/v1/receipts", old)).status).toBe(201);
    now += 366 * DAY;
    await t.client.execute(
      `CREATE TRIGGER refuse_purge_audit BEFORE INSERT ON audit_log
       WHEN NEW.action = 'retention.purge' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`,
    );
    await expect(purgeExpiredReceipts(t.db, now)).rejects.toThrow(/audit refused/);
    expect(await t.db.select({ id: receipts.id }).from(receipts)).toEqual([{ id: old.id }]);
    const cats = await t.db.select().from(receiptCategories);
    expect(cats.length).toBeGreaterThan(0);

    await t.client.execute("DROP TRIGGER refuse_purge_audit");
    expect(await purgeExpiredReceipts(t.db, now)).toMatchObject([{ deleted: 1 }]);
    expect(await t.db.select().from(receiptCategories)).toEqual([]);
  });

  it("keeps a due retention change pending when its audit entry cannot be written", async () => {
    await t.db.insert(retentionChanges).values({
      siteId: 1,
      retentionDays: 400,
      minRetentionDays: 400,
      requestedBy: 1,
      requestedAt: now - 8 * DAY,
      effectiveAt: now - DAY,
    });
    await t.client.execute(
      `CREATE TRIGGER refuse_apply_audit BEFORE INSERT ON audit_log
       WHEN NEW.action = 'site.retention.apply' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`,
    );
    await expect(purgeExpiredReceipts(t.db, now)).rejects.toThrow(/audit refused/);
    const [site] = await t.db.select().from(sites).where(eq(sites.key, "demo"));
    expect(site?.retentionDays).toBe(2190);
    const [change] = await t.db.select().from(retentionChanges);
    expect(change?.appliedAt).toBeNull();

    await t.client.execute("DROP TRIGGER refuse_apply_audit");
    await purgeExpiredReceipts(t.db, now);
    const [applied] = await t.db.select().from(sites).where(eq(sites.key, "demo"));
    expect(applied?.retentionDays).toBe(400);
  });

  it("runs once a day however many instances share the database", async () => {
    await t.db.update(sites).set({ retentionDays: 365 }).where(eq(sites.key, "demo"));
    expect((await t.post("/v1/receipts", t.receipt())).status).toBe(201);
    now += 366 * DAY;
    const lines: string[] = [];
    const instance = (runner: string) =>
      schedulePurge(t.db, {
        now: () => now,
        runner,
        firstAfterMs: 0,
        intervalMs: 20,
        log: (line) => lines.push(`${runner}: ${line}`),
      });
    const stops = [instance("a"), instance("b")];
    await new Promise((r) => setTimeout(r, 200)); // several checks by each instance
    expect((await t.post("/v1/receipts", t.receipt())).status).toBe(201);
    now += 366 * DAY; // a later day: one more purge, by either
    await new Promise((r) => setTimeout(r, 200));
    for (const stop of stops) stop();
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => /deleted 1 receipts of demo/.test(l))).toBe(true);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "retention.purge"));
    expect(audits).toHaveLength(2);
  });

  it("never deletes a receipt whose decision may still be in force, whatever the retention", async () => {
    // A site whose retention was set to 30 days while its banner remembers an acceptance for
    // 365 (the settings refuse that now; a database may still hold it).
    await t.db
      .update(sites)
      .set({ retentionDays: 30, minRetentionDays: 30 })
      .where(eq(sites.key, "demo"));
    expect(t.config.config.expiry).toEqual({ acceptedDays: 365, rejectedDays: 182 });
    const accepted = t.receipt({ method: "accept-all" });
    expect((await t.post("/v1/receipts", accepted)).status).toBe(201);

    now += 31 * DAY;
    expect(await purgeExpiredReceipts(t.db, now)).toEqual([]);
    now += 333 * DAY; // day 364: the acceptance is still remembered
    expect(await purgeExpiredReceipts(t.db, now)).toEqual([]);
    expect(await t.db.select({ id: receipts.id }).from(receipts)).toEqual([{ id: accepted.id }]);

    now += 2 * DAY; // day 366: it has expired
    expect(await purgeExpiredReceipts(t.db, now)).toEqual([
      { site: "demo", cutoff: new Date(now - 365 * DAY).toISOString(), deleted: 1 },
    ]);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "retention.purge"));
    expect(JSON.parse(entry?.detail ?? "{}")).toMatchObject({
      deleted: 1,
      retentionDays: 30,
      decisionDays: 365,
    });
  });

  it("counts a replaced configuration's longer expiry until the decisions made under it have expired", async () => {
    const T0 = now;
    await t.db
      .update(sites)
      .set({ retentionDays: 200, minRetentionDays: 200 })
      .where(eq(sites.key, "demo"));
    const first = t.receipt(); // under the seeded version: 365 days
    expect((await t.post("/v1/receipts", first)).status).toBe(201);

    // Ten days on, a version that remembers decisions for 200 days replaces it.
    now = T0 + 10 * DAY;
    const a = await t.admin();
    const draft = { ...t.config.config, expiry: { acceptedDays: 200, rejectedDays: 200 } };
    const saved = await a.request("PUT", "/v1/admin/sites/demo/config/draft", draft);
    expect(saved.status).toBe(200);
    const acknowledge = warningRules((await saved.json()).findings);
    const published = await a.request("POST", "/v1/admin/sites/demo/config/publish", {
      acknowledge,
    });
    expect(published.status).toBe(201);
    const { hash } = (await published.json()) as { hash: string };
    expect(await decisionReachDays(t.db, 1, now)).toBe(365);

    now = T0 + 200 * DAY;
    const later = t.receipt({ configHash: hash });
    expect((await t.post("/v1/receipts", later)).status).toBe(201);

    // Day 250: past the retention, but a decision under the first version is remembered.
    now = T0 + 250 * DAY;
    expect(await purgeExpiredReceipts(t.db, now)).toEqual([]);
    // Day 366: it has expired; the later receipt is 166 days old.
    now = T0 + 366 * DAY;
    expect(await purgeExpiredReceipts(t.db, now)).toMatchObject([{ deleted: 1 }]);
    expect(await t.db.select({ id: receipts.id }).from(receipts)).toEqual([{ id: later.id }]);
    // Day 406: no decision under the first version can be remembered any more (365 days, and a
    // page may decide under a replaced version for a month): only the retention counts.
    now = T0 + 406 * DAY;
    expect(await decisionReachDays(t.db, 1, now)).toBe(200);
    expect(await purgeExpiredReceipts(t.db, now)).toEqual([
      { site: "demo", cutoff: new Date(now - 200 * DAY).toISOString(), deleted: 1 },
    ]);
  });

  it("can be scheduled and stopped without keeping the process alive", () => {
    const stop = schedulePurge(t.db, { intervalMs: 1000 });
    stop();
  });
});
