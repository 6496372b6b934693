import type { AdminReceipt, Page, ReceiptInput } from "@assent/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishConfig } from "../sites";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let signedIn: ReturnType<typeof t.admin> | undefined;
let now = Date.UTC(2026, 0, 10, 12);
beforeEach(async () => {
  now = Date.UTC(2026, 0, 10, 12);
  t = await createTestApp({ now: () => now });
  signedIn = undefined;
});
afterEach(async () => t.close());

const decision = (analytics: boolean, marketing: boolean) =>
  t.decision({ categories: { analytics, marketing } });

/** Publishes the demo's config again under policy version 2; a receipt's fields for it. */
async function policyVersion2(): Promise<Partial<ReceiptInput>> {
  const published = await publishConfig(
    t.db,
    1,
    { ...t.config.config, policyVersion: "2" },
    { now },
  );
  return { policyVersion: "2", configHash: published.hash };
}

/** Posts receipts one hour apart; returns them in order. */
async function store(list: Partial<ReceiptInput>[]): Promise<ReceiptInput[]> {
  const out: ReceiptInput[] = [];
  for (const overrides of list) {
    now += 3_600_000;
    const r = t.receipt(overrides);
    expect((await t.post("/v1/receipts", r)).status).toBe(201);
    out.push(r);
  }
  return out;
}

async function query(q: string): Promise<Page<AdminReceipt>> {
  signedIn ??= t.admin(); // one sign-in per test: each costs a full password hash
  const a = await signedIn;
  const res = await a.get(`/v1/admin/receipts?site=demo${q}`);
  expect(res.status).toBe(200);
  return res.json();
}

const ids = (page: Page<AdminReceipt>) => page.items.map((r) => r.id);

describe("GET /v1/admin/receipts filters", () => {
  it("filters by method, policy version, subject, receipt id and time range", async () => {
    const [a, b, c, d] = await store([
      { method: "accept-all" },
      { method: "reject-all", decision: decision(false, false) },
      { method: "custom", decision: decision(true, false), ...(await policyVersion2()) },
      { method: "accept-all" },
    ]);
    if (!a || !b || !c || !d) throw new Error("not stored");
    expect(ids(await query("&method=accept-all"))).toEqual([d.id, a.id]);
    expect(ids(await query("&policyVersion=2"))).toEqual([c.id]);
    expect(ids(await query(`&subject=${b.subjectId}`))).toEqual([b.id]);
    expect(ids(await query(`&id=${c.id}`))).toEqual([c.id]);
    const from = new Date(Date.UTC(2026, 0, 10, 14)).toISOString();
    const to = new Date(Date.UTC(2026, 0, 10, 15)).toISOString();
    expect(ids(await query(`&from=${from}&to=${to}`))).toEqual([c.id, b.id]);
    expect(ids(await query("&from=2026-01-11"))).toEqual([]);
    expect(ids(await query(`&method=accept-all&subject=${d.subjectId}`))).toEqual([d.id]);
  });

  it("filters by the decision per category, alone and combined", async () => {
    const [all, none, analyticsOnly] = await store([
      { decision: decision(true, true) },
      { method: "reject-all", decision: decision(false, false) },
      { method: "custom", decision: decision(true, false) },
    ]);
    expect(ids(await query("&granted=analytics"))).toEqual([analyticsOnly?.id, all?.id]);
    expect(ids(await query("&denied=marketing"))).toEqual([analyticsOnly?.id, none?.id]);
    expect(ids(await query("&granted=analytics&denied=marketing"))).toEqual([analyticsOnly?.id]);
    expect(ids(await query("&granted=analytics,marketing"))).toEqual([all?.id]);
    expect(ids(await query(`&granted=analytics&subject=${all?.subjectId}`))).toEqual([all?.id]);
    expect(ids(await query("&granted=unknown-category"))).toEqual([]);
  });

  it("pages through a category filter with no gaps or repeats", async () => {
    const stored = await store(Array.from({ length: 7 }, () => ({})));
    const a = await t.admin();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await a.get(
        `/v1/admin/receipts?site=demo&granted=analytics&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      const page = (await res.json()) as Page<AdminReceipt>;
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(stored.map((r) => r.id).reverse());
  });

  it("shows the proof fields and whether a receipt was erased", async () => {
    await store([{}]);
    const page = await query("");
    expect(page.items[0]).toMatchObject({
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      signature: expect.stringMatching(/^[\w-]{86}$/),
      keyId: expect.stringMatching(/^demo-/),
      erasedAt: null,
    });
  });

  const bad: Array<[string, string, string]> = [
    ["a missing site", "", "INVALID_QUERY"],
    ["an unknown method", "site=demo&method=maybe", "INVALID_QUERY"],
    ["a malformed date", "site=demo&from=yesterday", "INVALID_QUERY"],
    ["an impossible date", "site=demo&from=2026-02-31T00:00:00Z&to=x", "INVALID_QUERY"],
    ["a bad subject id", "site=demo&subject=short", "INVALID_QUERY"],
    ["a bad receipt id", "site=demo&id=1234", "INVALID_QUERY"],
    ["a bad category", "site=demo&granted=Analytics!", "INVALID_QUERY"],
    ["a bad policy version", "site=demo&policyVersion=a%20b", "INVALID_QUERY"],
    ["a limit too large", "site=demo&limit=501", "INVALID_QUERY"],
    ["a limit of zero", "site=demo&limit=0", "INVALID_QUERY"],
    ["a non-numeric limit", "site=demo&limit=ten", "INVALID_QUERY"],
    ["an unknown parameter", "site=demo&subjectId=x", "INVALID_QUERY"],
    ["a forged cursor", "site=demo&cursor=bm90LWEtY3Vyc29y", "INVALID_CURSOR"],
    ["a malformed site key", "site=DEMO!", "INVALID_QUERY"],
  ];
  it.each(bad)("answers %s with 400 and says what is wrong", async (_name, q, code) => {
    const a = await t.admin();
    const res = await a.get(`/v1/admin/receipts?${q}`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
  });

  it("answers 404 for a site that does not exist or is not the caller's", async () => {
    await t.addSite("elsewhere");
    const a = await t.admin();
    for (const site of ["nope", "elsewhere"]) {
      const res = await a.get(`/v1/admin/receipts?site=${site}`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("SITE_NOT_FOUND");
    }
  });
});
