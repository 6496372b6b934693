import { EXPORT_FORMATS, type ExportFormat, joinExportParts, partContinuation } from "@assent/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { fixedOrigin } from "../network";
import { createTestApp, TEST_ORIGIN } from "../test-support/test-app";
import { exportPlan } from "./exports.routes";

/**
 * A runtime that limits what one request may do (the Worker: D1's queries, its CPU time) answers
 * an export in parts. Here the app is given such a budget over a libSQL file's data, and its parts
 * are checked against the export of the same data by an app without limits (as on Node).
 */
const NOW = Date.parse("2026-03-02T10:00:00Z");
/** 3 reads of 2 receipts a response, 5 receipts at most: parts of 5, 5 and 2. */
const BUDGET = { queries: 6, receiptRowsPerQuery: 2, exportRows: 5 };

let t: Awaited<ReturnType<typeof createTestApp>>;
let whole: ReturnType<typeof createApp>;
let limited: Awaited<ReturnType<typeof t.admin>>;

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW, budget: BUDGET });
  for (let i = 0; i < 12; i++) {
    const method = i % 3 === 0 ? "reject-all" : "accept-all";
    expect((await t.post("/v1/receipts", t.receipt({ method }))).status).toBe(201);
  }
  limited = await t.admin();
  // The same data, served by an app without limits (Node's).
  whole = createApp({
    db: t.db,
    sdk: { loaderSource: "", uiPath: "/sdk/ui-test.js" },
    client: () => ({ ip: null, country: null }),
    origin: fixedOrigin(TEST_ORIGIN),
    rateLimits: false,
    now: () => NOW,
  });
});
afterAll(async () => t.close());

async function parts(format: ExportFormat, filter = "") {
  const texts: string[] = [];
  let path: string | null = `/v1/admin/exports?site=demo&format=${format}${filter}`;
  while (path) {
    const res = await limited.get(path);
    expect(res.status).toBe(200);
    const text = await res.text();
    texts.push(text);
    path = partContinuation(format, text)?.next ?? null;
  }
  return texts;
}

async function unlimited(format: ExportFormat, filter = "") {
  const res = await whole.request(`/v1/admin/exports?site=demo&format=${format}${filter}`, {
    headers: { Cookie: limited.cookie },
  });
  expect(res.status).toBe(200);
  return res.text();
}

describe("an export in parts, where the runtime limits a request", () => {
  it("plans a part from the budget: half the queries for reads, at most exportRows", () => {
    expect(exportPlan(BUDGET)).toEqual({ rowsPerQuery: 2, maxRows: 5 });
    expect(exportPlan({ ...BUDGET, exportRows: 100 })).toEqual({ rowsPerQuery: 2, maxRows: 6 });
  });

  it.each(EXPORT_FORMATS)(
    "ends each %s part but the last with a marker; the parts joined are the whole export, byte for byte",
    async (format) => {
      const texts = await parts(format);
      expect(texts).toHaveLength(3);
      expect(texts.map((p) => partContinuation(format, p) !== null)).toEqual([true, true, false]);
      const complete = await unlimited(format);
      expect(partContinuation(format, complete)).toBeNull();
      expect(joinExportParts(format, texts)).toBe(complete);
      // Each part is a file of its format on its own.
      if (format === "iso27560") for (const p of texts) expect(() => JSON.parse(p)).not.toThrow();
    },
  );

  it("keeps the filters across parts", async () => {
    const texts = await parts("ndjson", "&method=accept-all");
    expect(texts).toHaveLength(2);
    const marker = partContinuation("ndjson", texts[0] ?? "");
    expect(marker?.next).toMatch(
      /^\/v1\/admin\/exports\?site=demo&format=ndjson&method=accept-all&cursor=/,
    );
    expect(joinExportParts("ndjson", texts)).toBe(await unlimited("ndjson", "&method=accept-all"));
  });

  it("answers one part, without a marker, when the export fits", async () => {
    const texts = await parts("csv", "&method=reject-all");
    expect(texts).toHaveLength(1);
    expect(texts[0]).toBe(await unlimited("csv", "&method=reject-all"));
  });

  it("refuses a cursor it did not give out, and audits a part as a continuation", async () => {
    const res = await limited.get("/v1/admin/exports?site=demo&format=csv&cursor=bm90LWEtY3Vyc29y");
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("INVALID_CURSOR");
    const audit = await (await limited.get("/v1/admin/sites/demo/audit")).json();
    const parts = audit.items
      .filter((e: { action: string }) => e.action === "receipts.export")
      .map((e: { detail: { continuation?: boolean } }) => e.detail.continuation === true);
    // The parts after the first of the exports above: two each in three formats, one filtered.
    expect(parts.filter(Boolean)).toHaveLength(7);
  });
});
