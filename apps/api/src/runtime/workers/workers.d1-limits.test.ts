import { type ConfigState, newSubjectId, warningRules } from "@assent/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AdminClient,
  postReceipts,
  receiptFor,
  signIn,
  siteConfig,
} from "../../test-support/http-client";
import { startWorker, WORKER_OWNER, type WorkerOnWorkerd } from "./worker-on-workerd";

// D1 binds at most 100 parameters a statement. Each test drives one statement of the API at the
// largest input the API accepts, on workerd's D1, where a 101st parameter fails the request.

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const decided = (list: string[], granted: boolean) =>
  Object.fromEntries(list.map((id) => [id, granted]));

describe("D1's limits at the API's largest inputs (Worker on workerd)", () => {
  let w: WorkerOnWorkerd;
  let admin: AdminClient;
  let config: Awaited<ReturnType<typeof siteConfig>>;
  const receipt = (overrides: Parameters<typeof receiptFor>[2] = {}) =>
    receiptFor("big", config, overrides);

  beforeAll(async () => {
    w = await startWorker();
    admin = await signIn(w, WORKER_OWNER);
    await admin.json("POST", "/v1/admin/sites", { key: "big", name: "Big" });
    // The largest configuration: 32 categories, 64 services.
    const draft = {
      siteKey: "big",
      policyVersion: "1",
      privacyPolicyUrl: "/privacy",
      categories: [
        { id: "necessary", required: true },
        ...ids("c", 31).map((id) => ({ id, purposes: ["functional"] })),
      ],
      services: ids("s", 64).map((id, i) => ({ id, category: `c${i % 31}`, name: id })),
      // Each category of the site's own is named and described.
      texts: {
        en: Object.fromEntries(
          ids("c", 31).flatMap((id) => [
            [`category.${id}`, `Category ${id}`],
            [`category.${id}.description`, `What ${id} is for.`],
          ]),
        ),
      },
    };
    const saved = await admin.json<ConfigState>("PUT", "/v1/admin/sites/big/config/draft", draft);
    await admin.json("POST", "/v1/admin/sites/big/config/publish", {
      acknowledge: warningRules(saved.findings),
    });
    config = await siteConfig(w, "big");
  }, 60_000);
  afterAll(async () => w?.close());

  it("serves a configuration of 32 categories and 64 services through the loader", async () => {
    const loader = await w.fetch("/s/big.js");
    expect(loader.status).toBe(200);
    const text = await loader.text();
    expect(text).toContain(config.hash);
    expect(text).toContain('"s63"');
  });

  it("stores a receipt deciding all 32 categories and 64 services, with its 32 category rows", async () => {
    const r = receipt({ choice: { categories: decided(ids("c", 16), true) } });
    await postReceipts(w, [r]);
    const rows = await w.d1
      .prepare("SELECT count(*) FROM receipt_categories WHERE receipt_id = ?")
      .bind(r.id)
      .raw();
    expect(rows[0]?.[0]).toBe(32);
  });

  it("filters receipts by 8 granted and 8 denied categories with every other filter and a cursor", async () => {
    const subjectId = newSubjectId();
    // Of the configuration's categories c0-c30: c0-c7 granted, c8-c15 denied.
    const granted = ids("c", 8);
    const denied = ids("c", 16).slice(8);
    const match = Array.from({ length: 3 }, () =>
      receipt({ subjectId, method: "custom", choice: { categories: decided(granted, true) } }),
    );
    await postReceipts(w, [...match, receipt({ subjectId })]);
    const filters = new URLSearchParams({
      site: "big",
      granted: granted.join(","),
      denied: denied.join(","),
      from: "2000-01-01",
      to: "2999-01-01",
      method: "custom",
      policyVersion: "1",
      limit: "2",
    });
    const pages = async (filter: URLSearchParams) => {
      const query = new URLSearchParams(filter);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        if (cursor) query.set("cursor", cursor);
        const page = await admin.json<{ items: { id: string }[]; nextCursor: string | null }>(
          "GET",
          `/v1/admin/receipts?${query}`,
        );
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      return seen.sort();
    };
    const expected = match.map((r) => r.id).sort();
    // Led by a category's index, then (with a subject) by the subject's, all 16 as conditions.
    expect(await pages(filters)).toEqual(expected);
    filters.set("subject", subjectId);
    expect(await pages(filters)).toEqual(expected);
  });

  it("erases a subject with 150 receipts in one request, keeping every receipt's proof", async () => {
    const subjectId = newSubjectId();
    const mine = Array.from({ length: 150 }, () => receipt({ subjectId }));
    await postReceipts(w, mine);
    const access = await admin.json<{ receipts: unknown[] }>(
      "GET",
      `/v1/admin/subjects/${subjectId}?site=big`,
    );
    expect(access.receipts).toHaveLength(150);
    const erased = await admin.json<{ erased: number; receiptIds: string[] }>(
      "DELETE",
      `/v1/admin/subjects/${subjectId}?site=big`,
    );
    expect(erased.erased).toBe(150);
    expect(erased.receiptIds).toEqual(mine.map((r) => r.id).sort());
    const one = await admin.json<{ items: unknown[] }>(
      "GET",
      `/v1/admin/receipts?site=big&id=${mine[0]?.id}`,
    );
    expect(one.items[0]).toMatchObject({
      subjectId: "",
      ip: null,
      userAgent: null,
      erasedAt: expect.any(String),
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      signature: expect.any(String),
    });
  }, 60_000);

  it("exports 1,050 receipts across keyset batches of 1,000, each once", async () => {
    await admin.json("POST", "/v1/admin/sites", { key: "bulk", name: "Bulk" });
    const bulk = await siteConfig(w, "bulk");
    const sent = Array.from({ length: 1050 }, () => receiptFor("bulk", bulk));
    await postReceipts(w, sent, 25);
    const res = await admin.get("/v1/admin/exports?site=bulk&format=ndjson");
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split("\n");
    const got = lines.map((line) => (JSON.parse(line) as { id: string }).id);
    expect(got).toHaveLength(1050);
    expect(new Set(got)).toEqual(new Set(sent.map((r) => r.id)));
  }, 120_000);

  it("answers statistics over the longest range, 400 days", async () => {
    const res = await admin.get("/v1/admin/stats?site=big&from=2025-06-01&to=2026-07-05");
    expect(res.status).toBe(200);
    expect((await res.json()).days).toHaveLength(400);
  });
});
