import { auditLog, receipts } from "@assent/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { purgeExpiredReceipts } from "../retention";
import { createTestApp } from "../test-support/test-app";

/**
 * Lowering retention deletes records at the next daily purge, so it needs a person: an owner
 * signed in, never an API token, and it takes effect only after a grace period during which it
 * shows and can be cancelled.
 */
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
let now = T0;
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  now = T0;
  t = await createTestApp({ now: () => now });
});
afterEach(async () => t.close());

const SITE = "/v1/admin/sites/demo";
const LOWER = { retentionDays: 30, minRetentionDays: 30 };

/** An owner API token of the demo site, as a script would hold it. */
async function ownerToken() {
  const owner = await t.admin();
  const res = await owner.request("POST", `${SITE}/tokens`, { name: "script", role: "owner" });
  const { token } = (await res.json()) as { token: string };
  return (method: string, path: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

async function actions(): Promise<string[]> {
  return (await t.db.select().from(auditLog)).map((e) => e.action);
}

describe("lowering retention", () => {
  it("is refused to an owner API token (403 SESSION_REQUIRED), which may only raise it", async () => {
    const token = await ownerToken();
    for (const body of [{ retentionDays: 1 }, { minRetentionDays: 30 }, LOWER]) {
      const res = await token("PATCH", SITE, body);
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("SESSION_REQUIRED");
    }
    const settings = await (await token("GET", SITE)).json();
    expect(settings).toMatchObject({
      retentionDays: 2190,
      minRetentionDays: 2190,
      scheduledRetention: null,
    });
    const raised = await token("PATCH", SITE, { retentionDays: 2555, minRetentionDays: 2555 });
    expect(raised.status).toBe(200);
    expect(await raised.json()).toMatchObject({ retentionDays: 2555, minRetentionDays: 2555 });
    expect(await actions()).not.toContain("site.retention.schedule");
  });

  it("by a signed-in owner is scheduled, shown, and applied by the purge only after the grace period", async () => {
    expect((await t.post("/v1/receipts", t.receipt())).status).toBe(201);
    now = T0 + 40 * DAY;
    const owner = await t.admin();
    const res = await owner.request("PATCH", SITE, LOWER);
    expect(res.status).toBe(202);
    const scheduled = {
      retentionDays: 30,
      minRetentionDays: 30,
      requestedBy: "owner@example.org",
      requestedAt: new Date(now).toISOString(),
      effectiveAt: new Date(now + 7 * DAY).toISOString(),
    };
    expect(await res.json()).toMatchObject({ retentionDays: 2190, scheduledRetention: scheduled });
    expect((await (await owner.get(SITE)).json()).scheduledRetention).toEqual(scheduled);

    // The receipt is 40 days old; a day before the grace period ends the purge keeps it.
    now = T0 + 46 * DAY;
    expect(await purgeExpiredReceipts(t.db, now)).toEqual([]);
    expect(await t.db.select().from(receipts)).toHaveLength(1);

    now = T0 + 47 * DAY;
    const [report] = await purgeExpiredReceipts(t.db, now);
    expect(report).toMatchObject({ site: "demo", deleted: 1 });
    const later = await t.admin();
    expect(await (await later.get(SITE)).json()).toMatchObject({
      retentionDays: 30,
      minRetentionDays: 30,
      scheduledRetention: null,
    });
    expect(await actions()).toEqual(
      expect.arrayContaining([
        "site.retention.schedule",
        "site.retention.apply",
        "retention.purge",
      ]),
    );
  });

  it("can be cancelled before it takes effect, and then never applies", async () => {
    expect((await t.post("/v1/receipts", t.receipt())).status).toBe(201);
    now = T0 + 40 * DAY;
    const owner = await t.admin();
    expect((await owner.request("PATCH", SITE, LOWER)).status).toBe(202);
    const cancelled = await owner.request("DELETE", `${SITE}/retention-change`);
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ retentionDays: 2190, scheduledRetention: null });
    const again = await owner.request("DELETE", `${SITE}/retention-change`);
    expect(again.status).toBe(404);
    expect((await again.json()).error.code).toBe("NO_SCHEDULED_CHANGE");

    now = T0 + 60 * DAY;
    expect(await purgeExpiredReceipts(t.db, now)).toEqual([]);
    expect(await t.db.select().from(receipts)).toHaveLength(1);
    const later = await t.admin();
    expect(await (await later.get(SITE)).json()).toMatchObject({ retentionDays: 2190 });
    expect(await actions()).toContain("site.retention.cancel");
    expect(await actions()).not.toContain("site.retention.apply");
  });

  it("keeps retention at or above the declared minimum, and one scheduled change at a time", async () => {
    const owner = await t.admin();
    const below = await owner.request("PATCH", SITE, { retentionDays: 30 });
    expect(below.status).toBe(409);
    expect((await below.json()).error.code).toBe("RETENTION_BELOW_MINIMUM");
    expect((await owner.request("PATCH", SITE, { name: "Renamed", ...LOWER })).status).toBe(202);
    const second = await owner.request("PATCH", SITE, { retentionDays: 3000 });
    expect(second.status).toBe(409);
    expect((await second.json()).error.code).toBe("RETENTION_CHANGE_PENDING");
    const token = await ownerToken();
    // Cancelling keeps records, so a token may do it.
    expect((await token("DELETE", `${SITE}/retention-change`)).status).toBe(200);
    expect(await (await owner.get(SITE)).json()).toMatchObject({
      name: "Renamed",
      retentionDays: 2190,
      scheduledRetention: null,
    });
  });

  it("is refused to an admin, even signed in", async () => {
    const admin = await t.admin(await t.addUser("admin@example.org", "admin"));
    const res = await admin.request("PATCH", SITE, LOWER);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
    expect((await admin.request("DELETE", `${SITE}/retention-change`)).status).toBe(403);
  });
});
