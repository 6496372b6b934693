import { type ReceiptJwks, type StoredReceipt, verifyReceipt } from "@assent/core";
import { auditLog, receipts, sites } from "@assent/db";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "../audit";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

async function storeForSubject(subjectId: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = t.receipt({ subjectId, method: i === n - 1 ? "withdraw" : "accept-all" });
    expect((await t.post("/v1/receipts", r, { "User-Agent": "Browser/1" })).status).toBe(201);
    ids.push(r.id);
  }
  return ids;
}

describe("subject access", () => {
  it("returns every receipt held for a subject, oldest first, and audits the request", async () => {
    const subject = t.receipt().subjectId;
    const ids = await storeForSubject(subject, 3);
    await storeForSubject(t.receipt().subjectId, 1);
    const a = await t.admin();
    const res = await a.get(`/v1/admin/subjects/${subject}?site=demo`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.subjectId).toBe(subject);
    expect(body.receipts.map((r: { id: string }) => r.id)).toEqual(ids);
    expect(body.receipts[0]).toMatchObject({ ip: "203.0.113.0", userAgent: "Browser/1" });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "subject.access"));
    expect(entry?.target).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(entry?.target).not.toContain(subject);
  });

  it("says how many receipts are held when there are more than it lists", async () => {
    const subject = t.receipt().subjectId;
    const held = 10_005;
    // Rows straight into the log, one second apart, as the bench's generator writes them.
    await t.client.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO receipts (id, site_id, subject_id, server_time, policy_version, config_hash,
              language, method, decision, gpc, gpc_header)
            SELECT printf('0190a0b0-0000-7000-8000-%012d', i), 1, ?, 1767225600000 + i * 1000,
              ?, ?, 'en', 'accept-all', '{"categories":{},"services":{}}', 0, 0 FROM n`,
      args: [held, subject, t.config.config.policyVersion, t.config.hash],
    });
    const a = await t.admin();
    const body = await (await a.get(`/v1/admin/subjects/${subject}?site=demo`)).json();
    expect([body.receipts.length, body.held]).toEqual([10_000, held]);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "subject.access"));
    expect(JSON.parse(entry?.detail ?? "null")).toEqual({ receipts: 10_000, held });
    const few = t.receipt().subjectId;
    await storeForSubject(few, 2);
    expect((await (await a.get(`/v1/admin/subjects/${few}?site=demo`)).json()).held).toBe(2);
  });

  it("leaves no copy of the subject id in the audit log, whichever route looked them up", async () => {
    const subject = t.receipt().subjectId;
    await storeForSubject(subject, 2);
    const a = await t.admin();
    await (await a.get(`/v1/admin/exports?site=demo&format=ndjson&subject=${subject}`)).text();
    const listed = await (await a.get(`/v1/admin/receipts?site=demo&subject=${subject}`)).json();
    expect(listed.items).toHaveLength(2);
    expect((await a.request("DELETE", `/v1/admin/subjects/${subject}?site=demo`)).status).toBe(200);
    const entries = await t.db.select().from(auditLog);
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["receipts.export", "subject.access", "subject.erase"]),
    );
    expect(JSON.stringify(entries)).not.toContain(subject);
    // The listing's lookup is audited like the subject route's, by the id's hash.
    const access = entries.filter((e) => e.action === "subject.access");
    expect(access).toHaveLength(1);
    expect(access[0]?.target).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("scrubs the subject id from older audit entries that named it in clear", async () => {
    const subject = `${t.receipt().subjectId.slice(0, 20)}_-`;
    await storeForSubject(subject, 1);
    const [site] = await t.db.select().from(sites);
    // As an export's filter was audited before filters named subjects by their hash.
    await recordAudit(t.db, {
      at: Date.now(),
      siteId: site?.id ?? 0,
      action: "receipts.export",
      detail: { format: "csv", filter: { subject } },
    });
    const a = await t.admin();
    expect((await a.request("DELETE", `/v1/admin/subjects/${subject}?site=demo`)).status).toBe(200);
    const entries = await t.db.select().from(auditLog);
    expect(JSON.stringify(entries)).not.toContain(subject);
    const exported = entries.find((e) => e.action === "receipts.export");
    expect(JSON.parse(exported?.detail ?? "{}").filter.subject).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("rewrites nothing else an audit entry says, whatever the subject id an erasure names", async () => {
    const a = await t.admin();
    const bumped = await a.request("POST", "/v1/admin/sites/demo/config/bump", {
      policyVersion: "2",
      reason: "Our privacy policy changed",
    });
    expect(bumped.status).toBe(201);
    const before = await t.db.select().from(auditLog);
    const bump = before.find((e) => e.action === "config.bump-policy");
    // A subject id made of the start of that entry's config hash, with a receipt to its name.
    const hash = JSON.parse(bump?.detail ?? "{}").hash as string;
    const subject = hash.slice(0, 22);
    await storeForSubject(subject, 1);
    expect((await a.request("DELETE", `/v1/admin/subjects/${subject}?site=demo`)).status).toBe(200);
    const after = await t.db.select().from(auditLog);
    expect(after.find((e) => e.id === bump?.id)?.detail).toBe(bump?.detail);
  });

  it("answers an empty list for a subject with nothing held", async () => {
    const a = await t.admin();
    const res = await a.get(`/v1/admin/subjects/${t.receipt().subjectId}?site=demo`);
    expect((await res.json()).receipts).toEqual([]);
  });

  it("refuses a malformed subject id and a missing site", async () => {
    const a = await t.admin();
    expect((await a.get("/v1/admin/subjects/short?site=demo")).status).toBe(400);
    expect((await a.get(`/v1/admin/subjects/${t.receipt().subjectId}`)).status).toBe(400);
  });
});

describe("subject erasure", () => {
  it("removes the personal fields, keeps each receipt as proof, and audits it", async () => {
    const subject = t.receipt().subjectId;
    const ids = await storeForSubject(subject, 2);
    const [other] = await storeForSubject(t.receipt().subjectId, 1);
    const before = await t.db.select().from(receipts).where(eq(receipts.subjectId, subject));
    const a = await t.admin();
    const res = await a.request("DELETE", `/v1/admin/subjects/${subject}?site=demo`);
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result).toMatchObject({ site: "demo", erased: 2, receiptIds: [...ids].sort() });

    for (const id of ids) {
      const [row] = await t.db.select().from(receipts).where(eq(receipts.id, id));
      const was = before.find((r) => r.id === id);
      expect(row).toMatchObject({
        subjectId: null,
        ip: null,
        userAgent: null,
        pagePath: null,
        erasedAt: expect.any(Number),
        decision: was?.decision,
        method: was?.method,
        serverTime: was?.serverTime,
        configHash: was?.configHash,
        digest: was?.digest,
        signature: was?.signature,
      });
    }
    const [untouched] = await t.db
      .select()
      .from(receipts)
      .where(eq(receipts.id, other as string));
    expect(untouched?.subjectId).not.toBeNull();
    expect(untouched?.erasedAt).toBeNull();

    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.id, result.auditId));
    expect(entry).toMatchObject({ action: "subject.erase", userId: expect.any(Number) });
    expect(entry?.target).not.toContain(subject);
    expect(JSON.parse(entry?.detail ?? "{}").receiptIds).toEqual([...ids].sort());

    const access = await (await a.get(`/v1/admin/subjects/${subject}?site=demo`)).json();
    expect(access.receipts).toEqual([]);
    const listed = await (await a.get(`/v1/admin/receipts?site=demo&id=${ids[0]}`)).json();
    expect(listed.items[0]).toMatchObject({ subjectId: "", erasedAt: expect.any(String) });
  });

  it("cuts the erased receipts' chain, so the browser's next choice starts a new history", async () => {
    const subject = t.receipt().subjectId;
    const first = t.receipt({ subjectId: subject, method: "accept-all" });
    expect((await t.post("/v1/receipts", first)).status).toBe(201);
    const second = t.receipt({ subjectId: subject, method: "withdraw", previousId: first.id });
    expect((await t.post("/v1/receipts", second)).status).toBe(201);
    const a = await t.admin();
    expect((await a.request("DELETE", `/v1/admin/subjects/${subject}?site=demo`)).status).toBe(200);
    const erased = await t.db.select().from(receipts).where(eq(receipts.id, second.id));
    expect(erased[0]).toMatchObject({ subjectId: null, previousId: null });

    // The visitor's browser still holds its cookie: same subject id, the erased receipt as the
    // previous one. The choice is stored, but not as a continuation of the erased history.
    const next = t.receipt({ subjectId: subject, method: "accept-all", previousId: second.id });
    const res = await t.post("/v1/receipts", next);
    expect(res.status).toBe(201);
    const stored = (await res.json()) as StoredReceipt;
    expect(stored.previousId).toBeNull();
    const jwks: ReceiptJwks = await (await t.app.request("/v1/sites/demo/jwks")).json();
    expect((await verifyReceipt(stored, jwks)).valid).toBe(true);
    const listed = await (await a.get(`/v1/admin/receipts?site=demo&id=${next.id}`)).json();
    expect(listed.items[0]).toMatchObject({ subjectId: subject, previousId: null });
    for (const id of [first.id, second.id]) {
      const [row] = (await (await a.get(`/v1/admin/receipts?site=demo&id=${id}`)).json()).items;
      expect(row).toMatchObject({ subjectId: "", previousId: null });
    }
    const access = await (await a.get(`/v1/admin/subjects/${subject}?site=demo`)).json();
    expect(access.receipts.map((r: { id: string }) => r.id)).toEqual([next.id]);
  });

  it("answers a repeated erasure with the erasure that holds, not as if nothing was ever held", async () => {
    const subject = t.receipt().subjectId;
    await storeForSubject(subject, 2);
    const a = await t.admin();
    const first = await (
      await a.request("DELETE", `/v1/admin/subjects/${subject}?site=demo`)
    ).json();
    expect(first).toMatchObject({ erased: 2, alreadyErased: false });

    const again = await a.request("DELETE", `/v1/admin/subjects/${subject}?site=demo`);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      site: "demo",
      erased: 0,
      receiptIds: [],
      erasedAt: first.erasedAt,
      auditId: first.auditId,
      alreadyErased: true,
    });
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, "subject.erase"));
    expect(entries.map((e) => e.id)).toEqual([first.auditId]);
    const access = await (await a.get(`/v1/admin/subjects/${subject}?site=demo`)).json();
    expect(access).toMatchObject({
      receipts: [],
      lastErasure: { at: first.erasedAt, auditId: first.auditId },
    });

    // A new history under the same id is erased like any, and is the latest erasure then.
    await storeForSubject(subject, 1);
    const later = await (
      await a.request("DELETE", `/v1/admin/subjects/${subject}?site=demo`)
    ).json();
    expect(later).toMatchObject({ erased: 1, alreadyErased: false });
    expect(later.auditId).toBeGreaterThan(first.auditId);
    const repeated = await (
      await a.request("DELETE", `/v1/admin/subjects/${subject}?site=demo`)
    ).json();
    expect(repeated).toMatchObject({ alreadyErased: true, auditId: later.auditId });
    // Another site's erasure of the same id is not this site's.
    const other = await t.addSite("other");
    await t.addUser("owner@example.org", "owner", other.key);
    const elsewhere = await a.request("DELETE", `/v1/admin/subjects/${subject}?site=other`);
    expect(elsewhere.status).toBe(404);
  });

  it("answers 404 when nothing is held, and changes nothing", async () => {
    const a = await t.admin();
    const res = await a.request("DELETE", `/v1/admin/subjects/${t.receipt().subjectId}?site=demo`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("SUBJECT_NOT_FOUND");
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "subject.erase"))).toEqual(
      [],
    );
    const access = await (
      await a.get(`/v1/admin/subjects/${t.receipt().subjectId}?site=demo`)
    ).json();
    expect(access).toMatchObject({ receipts: [], lastErasure: null });
  });

  it("erases nothing when its audit entry cannot be written", async () => {
    const subject = t.receipt().subjectId;
    const ids = await storeForSubject(subject, 2);
    // The database refuses the erasure's audit entry (a full disk, a broken constraint).
    await t.client.execute(
      `CREATE TRIGGER refuse_erase_audit BEFORE INSERT ON audit_log
       WHEN NEW.action = 'subject.erase' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`,
    );
    const a = await t.admin();
    const res = await a.request("DELETE", `/v1/admin/subjects/${subject}?site=demo`);
    expect(res.status).toBe(500);
    const held = await t.db.select().from(receipts).where(eq(receipts.subjectId, subject));
    expect(held.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(held.every((r) => r.erasedAt === null && r.userAgent === "Browser/1")).toBe(true);

    // Once the audit log takes entries again, the same request erases and is audited.
    await t.client.execute("DROP TRIGGER refuse_erase_audit");
    const retry = await a.request("DELETE", `/v1/admin/subjects/${subject}?site=demo`);
    expect(retry.status).toBe(200);
    expect((await retry.json()).erased).toBe(2);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, "subject.erase"));
    expect(entries).toHaveLength(1);
  });

  it("is refused to viewers, and leaves the receipts alone", async () => {
    const subject = t.receipt().subjectId;
    await storeForSubject(subject, 1);
    const viewer = await t.admin(await t.addUser("viewer@example.org", "viewer"));
    const res = await viewer.request("DELETE", `/v1/admin/subjects/${subject}?site=demo`);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
    const [row] = await t.db.select().from(receipts).where(eq(receipts.subjectId, subject));
    expect(row?.erasedAt).toBeNull();
  });
});
