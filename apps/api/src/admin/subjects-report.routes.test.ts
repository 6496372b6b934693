import { type AccessReport, newSubjectId, SubjectsReport } from "@assent/core";
import { auditLog, sites } from "@assent/db";
import { eq } from "drizzle-orm";
import * as v from "valibot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let b: Awaited<ReturnType<typeof t.addSite>>;
beforeEach(async () => {
  t = await createTestApp();
  // Site B: another tenant's, whose admins the demo's people are not.
  b = await t.addSite("tenant-b");
});
afterEach(async () => t.close());

const path = (subject: string) => `/v1/admin/subjects/${subject}/report`;

/** One receipt of the subject on each of demo and B; their ids. */
async function onBothSites(subject: string) {
  const onDemo = t.receipt({ subjectId: subject });
  const onB = t.receiptFor("tenant-b", b.config, { subjectId: subject });
  for (const r of [onDemo, onB]) expect((await t.post("/v1/receipts", r)).status).toBe(201);
  return { onDemo: onDemo.id, onB: onB.id };
}

const accessEntries = () =>
  t.db.select().from(auditLog).where(eq(auditLog.action, "subject.access"));

describe("GET /v1/admin/subjects/:subjectId/report", () => {
  it("answers one report for every site of the caller, and audits each site read", async () => {
    const subject = newSubjectId();
    const { onDemo, onB } = await onBothSites(subject);
    const owner = await t.admin();
    // The owner is made an owner of B too: one lookup then answers for both sites.
    await t.addUser("owner@example.org", "owner", "tenant-b");
    const res = await owner.get(path(subject));
    expect(res.status).toBe(200);
    const report = (await res.json()) as AccessReport;
    expect(v.safeParse(SubjectsReport.response, report).issues).toBeUndefined();
    expect(report.sites.map((s) => [s.site, s.records.map((r) => r.id)])).toEqual([
      ["demo", [onDemo]],
      ["tenant-b", [onB]],
    ]);
    expect(report.sites[0]?.records[0]?.summary).toMatch(/: You accepted all\.$/);

    const entries = await accessEntries();
    const [demo] = await t.db.select().from(sites).where(eq(sites.key, "demo"));
    expect(entries.map((e) => e.siteId).sort()).toEqual([demo?.id, b.id].sort());
    for (const entry of entries) {
      expect(entry.target).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(JSON.parse(entry.detail ?? "{}")).toEqual({ receipts: 1, report: true });
      expect(entry.userId).toEqual(expect.any(Number));
    }
    expect(JSON.stringify(await t.db.select().from(auditLog))).not.toContain(subject);
  });

  it("never shows an admin of one site another site's records", async () => {
    const subject = newSubjectId();
    const { onDemo, onB } = await onBothSites(subject);
    const only = await t.addUser("demo-admin@example.org", "admin", "demo");
    const admin = await t.admin(only);
    const res = await admin.get(path(subject));
    expect(res.status).toBe(200);
    const text = await res.text();
    const report = JSON.parse(text) as AccessReport;
    expect(report.sites.map((s) => s.site)).toEqual(["demo"]);
    expect(report.sites[0]?.records.map((r) => r.id)).toEqual([onDemo]);
    expect(text).not.toContain(onB);
    expect(text).not.toContain("tenant-b");
    expect(text).not.toContain(b.name);
    // Only the site read records the lookup.
    expect((await accessEntries()).map((e) => e.siteId)).not.toContain(b.id);
    expect(await accessEntries()).toHaveLength(1);
  });

  it("answers an API token for its own site only, though its creator has more", async () => {
    const subject = newSubjectId();
    const { onDemo } = await onBothSites(subject);
    await t.addUser("owner@example.org", "owner", "tenant-b");
    const owner = await t.admin();
    const created = await owner.request("POST", "/v1/admin/sites/demo/tokens", {
      name: "crm",
      role: "viewer",
    });
    const { token } = (await created.json()) as { token: string };
    const res = await t.app.request(path(subject), {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as AccessReport;
    expect(report.sites.map((s) => [s.site, s.records.map((r) => r.id)])).toEqual([
      ["demo", [onDemo]],
    ]);
    const [entry] = await accessEntries();
    expect(entry?.tokenId).toEqual(expect.any(Number));
  });

  it("answers a report saying nothing is held, not a 404, for an id never seen", async () => {
    const owner = await t.admin();
    const res = await owner.get(path(newSubjectId()));
    expect(res.status).toBe(200);
    const report = (await res.json()) as AccessReport;
    expect(report.held).toBe(false);
    expect(report.summary).toMatch(
      /^Nothing is held about this consent ID on the one site checked/,
    );
    expect(report.sites.map((s) => s.held)).toEqual([false]);
    expect(await accessEntries()).toHaveLength(1);
  });

  it("refuses a malformed subject id as subject access does, and a caller signed out", async () => {
    const owner = await t.admin();
    const bad = await owner.get(path("short"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("INVALID_PARAMS");
    expect((await t.app.request(path(newSubjectId()))).status).toBe(401);
    expect(await accessEntries()).toHaveLength(0);
  });

  it("is in the OpenAPI document, with its answer's schema", async () => {
    const doc = await (await t.app.request("/v1/openapi.json")).json();
    const get = doc.paths["/v1/admin/subjects/{subjectId}/report"]?.get;
    expect(get?.tags).toEqual(["requests"]);
    expect(get?.responses["200"].content["application/json"].schema.properties).toHaveProperty(
      "sites",
    );
  });
});
