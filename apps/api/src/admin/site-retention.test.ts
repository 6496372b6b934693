import { warningRules } from "@assent/core";
import { auditLog, receipts, sites } from "@assent/db";
import { eq } from "drizzle-orm";
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
const LOWER = { retentionDays: 400, minRetentionDays: 400 };

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
    now = T0 + 410 * DAY;
    const owner = await t.admin();
    const res = await owner.request("PATCH", SITE, LOWER);
    expect(res.status).toBe(202);
    const scheduled = {
      retentionDays: 400,
      minRetentionDays: 400,
      requestedBy: "owner@example.org",
      requestedAt: new Date(now).toISOString(),
      effectiveAt: new Date(now + 7 * DAY).toISOString(),
    };
    expect(await res.json()).toMatchObject({ retentionDays: 2190, scheduledRetention: scheduled });
    expect((await (await owner.get(SITE)).json()).scheduledRetention).toEqual(scheduled);

    // The receipt is 410 days old; a day before the grace period ends the purge keeps it.
    now = T0 + 416 * DAY;
    expect(await purgeExpiredReceipts(t.db, now)).toEqual([]);
    expect(await t.db.select().from(receipts)).toHaveLength(1);

    now = T0 + 417 * DAY;
    const [report] = await purgeExpiredReceipts(t.db, now);
    expect(report).toMatchObject({ site: "demo", deleted: 1 });
    const later = await t.admin();
    expect(await (await later.get(SITE)).json()).toMatchObject({
      retentionDays: 400,
      minRetentionDays: 400,
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
    now = T0 + 410 * DAY;
    const owner = await t.admin();
    expect((await owner.request("PATCH", SITE, LOWER)).status).toBe(202);
    const cancelled = await owner.request("DELETE", `${SITE}/retention-change`);
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ retentionDays: 2190, scheduledRetention: null });
    const again = await owner.request("DELETE", `${SITE}/retention-change`);
    expect(again.status).toBe(404);
    expect((await again.json()).error.code).toBe("NO_SCHEDULED_CHANGE");

    now = T0 + 430 * DAY;
    expect(await purgeExpiredReceipts(t.db, now)).toEqual([]);
    expect(await t.db.select().from(receipts)).toHaveLength(1);
    const later = await t.admin();
    expect(await (await later.get(SITE)).json()).toMatchObject({ retentionDays: 2190 });
    expect(await actions()).toContain("site.retention.cancel");
    expect(await actions()).not.toContain("site.retention.apply");
  });

  it("keeps retention at or above the declared minimum, and one scheduled change at a time", async () => {
    const owner = await t.admin();
    const below = await owner.request("PATCH", SITE, { retentionDays: 400 });
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

/** Publishes the demo's configuration with another expiry, through the admin API. */
async function publishExpiry(
  owner: Awaited<ReturnType<typeof t.admin>>,
  expiry: { acceptedDays: number; rejectedDays: number },
) {
  const draft = { ...t.config.config, expiry };
  const saved = await owner.request("PUT", `${SITE}/config/draft`, draft);
  expect(saved.status).toBe(200);
  const acknowledge = warningRules((await saved.json()).findings);
  return owner.request("POST", `${SITE}/config/publish`, { acknowledge });
}

describe("retention and the decisions receipts prove", () => {
  it("refuses a retention shorter than the published configuration remembers a decision, and schedules nothing", async () => {
    const owner = await t.admin();
    const res = await owner.request("PATCH", SITE, { retentionDays: 30, minRetentionDays: 30 });
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.code).toBe("RETENTION_BELOW_EXPIRY");
    expect(error.message).toBe(
      "Retention of 30 days is shorter than the 365 days the published configuration remembers a decision: a receipt must be kept as long as the decision it proves may be in force. Keep receipts at least 365 days",
    );
    const just = await owner.request("PATCH", SITE, { retentionDays: 364, minRetentionDays: 364 });
    expect(just.status).toBe(409);
    expect((await just.json()).error.message).toContain(
      "or first publish a configuration that remembers decisions for 364 days at most",
    );
    expect(await (await owner.get(SITE)).json()).toMatchObject({
      retentionDays: 2190,
      scheduledRetention: null,
    });
    expect(await actions()).not.toContain("site.retention.schedule");
    const enough = await owner.request("PATCH", SITE, {
      retentionDays: 365,
      minRetentionDays: 365,
    });
    expect(enough.status).toBe(202);
  });

  it("refuses to raise a retention that is still too short, from a token too", async () => {
    // A site whose retention was set before it was checked against the configuration.
    await t.db
      .update(sites)
      .set({ retentionDays: 30, minRetentionDays: 30 })
      .where(eq(sites.id, 1));
    const token = await ownerToken();
    const res = await token("PATCH", SITE, { retentionDays: 100 });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("RETENTION_BELOW_EXPIRY");
    const raised = await token("PATCH", SITE, { retentionDays: 365 });
    expect(raised.status).toBe(200);
    expect(await raised.json()).toMatchObject({ retentionDays: 365 });
  });

  it("refuses to publish a configuration that remembers a decision longer than the site keeps receipts", async () => {
    const owner = await t.admin();
    const shorter = await publishExpiry(owner, { acceptedDays: 200, rejectedDays: 200 });
    expect(shorter.status).toBe(201);
    expect(
      (await owner.request("PATCH", SITE, { retentionDays: 300, minRetentionDays: 300 })).status,
    ).toBe(202);

    // Retention is still 2190 days, but will be 300 once the scheduled change applies.
    const longer = await publishExpiry(owner, { acceptedDays: 395, rejectedDays: 395 });
    expect(longer.status).toBe(409);
    const { error } = await longer.json();
    expect(error.code).toBe("EXPIRY_BEYOND_RETENTION");
    expect(error.message).toBe(
      "This configuration remembers a decision for 395 days, longer than the site keeps receipts once the scheduled change of retention applies (300 days): a receipt must be kept as long as the decision it proves may be in force. Raise retention to at least 395 days first, or shorten expiry.acceptedDays and expiry.rejectedDays to 300 days at most",
    );
    const config = await (await owner.get(`${SITE}/config`)).json();
    expect(config.published.config.expiry).toEqual({ acceptedDays: 200, rejectedDays: 200 });
    expect((await publishExpiry(owner, { acceptedDays: 300, rejectedDays: 300 })).status).toBe(201);

    // Once it applies, the same holds against the retention itself.
    now = T0 + 8 * DAY;
    const later = await t.admin();
    expect(await (await later.get(SITE)).json()).toMatchObject({ retentionDays: 300 });
    const again = await publishExpiry(later, { acceptedDays: 301, rejectedDays: 200 });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toContain(
      "remembers a decision for 301 days, longer than the site keeps receipts (300 days)",
    );
  });

  it("refuses a new site whose retention is shorter than its first configuration remembers a decision", async () => {
    const owner = await t.admin();
    const res = await owner.request("POST", "/v1/admin/sites", {
      key: "short-lived",
      name: "Short",
      retentionDays: 30,
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("RETENTION_BELOW_EXPIRY");
    expect(await t.db.select().from(sites)).toHaveLength(1);
  });
});
