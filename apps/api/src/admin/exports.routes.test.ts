import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";
import { CSV_COLUMNS, csvCell } from "./export-formats";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe("csvCell", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe(`"'\tx"`);
    // A spreadsheet splitting on ";" or tab (many European locales) sees one cell, not a formula.
    expect(csvCell("/shop;=cmd|' /C calc'!A0")).toBe(`"/shop;=cmd|' /C calc'!A0"`);
    expect(csvCell("/a\t=1+1")).toBe(`"/a\t=1+1"`);
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe(`"a,b"`);
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
  });
});

describe("GET /v1/admin/exports", () => {
  async function seedReceipts(n: number, userAgent = "Browser/1") {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = t.receipt();
      expect((await t.post("/v1/receipts", r, { "User-Agent": userAgent })).status).toBe(201);
      ids.push(r.id);
    }
    return ids;
  }

  it("streams CSV with a header, one line a receipt, injection neutralised", async () => {
    const ids = await seedReceipts(3, "=cmd|' /C calc'!A0");
    const a = await t.admin();
    const res = await a.get("/v1/admin/exports?site=demo&format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(res.headers.get("Content-Disposition")).toMatch(
      /attachment; filename="assent-demo-.*\.csv"/,
    );
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(ids);
    for (const line of lines.slice(1)) {
      expect(line).toContain("'=cmd|");
      expect(line).not.toMatch(/(^|,)=/);
      expect(line).toContain("analytics=granted");
    }
  });

  it("streams NDJSON, oldest first, one stored receipt a line", async () => {
    const ids = await seedReceipts(3);
    const a = await t.admin();
    const res = await a.get("/v1/admin/exports?site=demo&format=ndjson");
    expect(res.headers.get("Content-Type")).toBe("application/x-ndjson");
    const rows = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows[0]).toMatchObject({ siteKey: "demo", method: "accept-all", erasedAt: null });
  });

  it("streams ISO/IEC TS 27560-shaped JSON that parses as one document", async () => {
    const [id] = await seedReceipts(2);
    const a = await t.admin();
    const res = await a.get("/v1/admin/exports?site=demo&format=iso27560");
    const doc = await res.json();
    expect(doc.specification).toBe("ISO/IEC TS 27560:2023");
    expect(doc.records).toHaveLength(2);
    expect(doc.records[0]).toMatchObject({
      recordId: id,
      piiController: { id: "demo" },
      notice: { version: "1", contentHash: t.config.hash, language: "en" },
      event: [{ eventType: "given", method: "accept-all" }],
      purposes: expect.arrayContaining([{ purpose: "analytics", consentStatus: "given" }]),
      proof: { algorithm: "Ed25519" },
    });
  });

  it("carries the standard wording each receipt names, in every format (null before it)", async () => {
    const named = t.receipt({ wording: "1mpp9dnI" });
    const before = t.receipt();
    for (const r of [named, before]) expect((await t.post("/v1/receipts", r)).status).toBe(201);
    const a = await t.admin();
    const csv = (await (await a.get("/v1/admin/exports?site=demo&format=csv")).text())
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(","));
    const column = CSV_COLUMNS.indexOf("wording");
    expect(csv.slice(1).map((cells) => cells[column])).toEqual(["1mpp9dnI", ""]);
    const ndjson = (await (await a.get("/v1/admin/exports?site=demo&format=ndjson")).text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(ndjson.map((r) => r.wording)).toEqual(["1mpp9dnI", undefined]);
    const iso = await (await a.get("/v1/admin/exports?site=demo&format=iso27560")).json();
    expect(
      iso.records.map((r: { notice: { standardWording: unknown } }) => r.notice.standardWording),
    ).toEqual(["1mpp9dnI", null]);
  });

  it("applies the receipt filters, and answers an empty export with just the frame", async () => {
    await seedReceipts(2);
    const a = await t.admin();
    const none = await a.get("/v1/admin/exports?site=demo&format=iso27560&method=gpc");
    expect((await none.json()).records).toEqual([]);
    const csv = await (
      await a.get("/v1/admin/exports?site=demo&format=csv&from=2999-01-01")
    ).text();
    expect(csv).toBe(`${CSV_COLUMNS.join(",")}\r\n`);
  });

  it("reads in keyset batches across batch boundaries without gaps", async () => {
    const ids = await seedReceipts(5);
    const { receiptBatches } = await import("./receipt-query");
    const seen: string[] = [];
    let batches = 0;
    for await (const rows of receiptBatches(t.db, 1, {} as never, 2)) {
      batches++;
      seen.push(...rows.map((r) => r.id));
    }
    expect(batches).toBe(3);
    expect(seen).toEqual(ids);
  });

  it("audits every export", async () => {
    const a = await t.admin();
    await (await a.get("/v1/admin/exports?site=demo&format=ndjson")).text();
    const log = await (await a.get("/v1/admin/sites/demo/audit")).json();
    expect(log.items[0]).toMatchObject({ action: "receipts.export", detail: { format: "ndjson" } });
  });

  it("refuses an unknown or missing format", async () => {
    const a = await t.admin();
    for (const q of ["site=demo", "site=demo&format=xlsx"]) {
      const res = await a.get(`/v1/admin/exports?${q}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("INVALID_QUERY");
    }
  });
});
