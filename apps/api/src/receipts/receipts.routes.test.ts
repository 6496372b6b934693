import { type StoredReceipt, verifyReceipt } from "@assent/core";
import { dailyCategoryStats, receipts } from "@assent/db";
import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseTrustProxy } from "../network";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

async function stored(): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(receipts);
  return row?.n ?? 0;
}

describe("POST /v1/receipts", () => {
  it("stores a receipt and answers 201 with what was stored", async () => {
    const input = t.receipt({ method: "reject-all" });
    const res = await t.post("/v1/receipts", input, {
      "User-Agent": "TestBrowser/1.0",
      "Sec-GPC": "1",
      "CF-IPCountry": "gb",
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      id: input.id,
      siteKey: "demo",
      subjectId: input.subjectId,
      method: "reject-all",
      decision: input.decision,
      ip: "203.0.113.0",
      userAgent: "TestBrowser/1.0",
      gpcHeader: true,
      jurisdiction: null,
      pagePath: "/demo/",
    });
    expect(Date.now() - Date.parse(body.serverTime)).toBeLessThan(5000);
    expect(await stored()).toBe(1);
  });

  it("believes a country header only from a trusted proxy", async () => {
    const headers = { "CF-IPCountry": "gb", "X-Forwarded-For": "198.51.100.20" };
    const direct = await (await t.post("/v1/receipts", t.receipt(), headers)).json();
    expect(direct).toMatchObject({ jurisdiction: null, ip: "203.0.113.0" });
    const proxied = await createTestApp({
      clientIp: "10.0.0.5",
      trustProxy: parseTrustProxy("10.0.0.0/8"),
    });
    try {
      const res = await proxied.post("/v1/receipts", proxied.receipt(), headers);
      expect(await res.json()).toMatchObject({ jurisdiction: "GB", ip: "198.51.100.0" });
    } finally {
      await proxied.close();
    }
  });

  it("refuses receipts that the banner of the config they name could not have made", async () => {
    const all = t.decision({ categories: { analytics: true, marketing: true } });
    const forged = [
      t.receipt({ policyVersion: "999" }),
      t.receipt({ decision: { categories: { "fake-cat": true }, services: {} } }),
      t.receipt({ decision: { ...all, categories: { ...all.categories, necessary: false } } }),
      t.receipt({ decision: { ...all, categories: { ...all.categories, "fake-cat": true } } }),
      t.receipt({ method: "reject-all", decision: all }),
    ];
    for (const body of forged) {
      const res = await t.post("/v1/receipts", body);
      expect(res.status).toBe(422);
      expect((await res.json()).error.code).toBe("RECEIPT_CONFIG_MISMATCH");
    }
    // An id the schema library would drop is refused outright, not silently lost.
    const reserved = await t.post("/v1/receipts", {
      ...t.receipt(),
      decision: { categories: { ...all.categories, constructor: true }, services: all.services },
    });
    expect(reserved.status).toBe(400);
    expect(await stored()).toBe(0);
    const [stats] = await t.db.select({ n: count() }).from(dailyCategoryStats);
    expect(stats?.n).toBe(0);
  });

  it("lets the page read every answer, refusals included, so the SDK stops retrying them", async () => {
    const allowed = "http://localhost:8787";
    const cases: Array<[string, unknown, number]> = [
      ["https://evil.example", t.receipt(), 403],
      [allowed, "{", 400],
      [allowed, t.receipt({ policyVersion: "999" }), 422],
      [allowed, t.receipt(), 201],
    ];
    for (const [origin, body, status] of cases) {
      const res = await t.post("/v1/receipts", body, { Origin: origin });
      expect(res.status).toBe(status);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe(origin);
      expect(res.headers.get("Vary")).toMatch(/Origin/);
    }
    expect(await stored()).toBe(1);
  });

  it("is idempotent by receipt id: a retry returns the stored receipt and adds nothing", async () => {
    const input = t.receipt();
    const first = await t.post("/v1/receipts", input);
    const second = await t.post("/v1/receipts", input);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(await first.json());
    expect(await stored()).toBe(1);
  });

  it("refuses a reused id carrying another choice, page or language, and keeps the stored one", async () => {
    const input = t.receipt();
    const first = await (await t.post("/v1/receipts", input)).json();
    const refusal = t.receipt({ method: "reject-all" });
    for (const other of [
      { ...input, method: refusal.method, decision: refusal.decision },
      { ...input, pagePath: "/elsewhere/" },
      { ...input, language: "fr" },
    ]) {
      const res = await t.post("/v1/receipts", other);
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe("RECEIPT_ID_CONFLICT");
    }
    // The same receipt again, its decision's keys in another order, is still a retry.
    const reordered = {
      ...input,
      decision: { services: input.decision.services, categories: input.decision.categories },
    };
    const retry = await t.post("/v1/receipts", reordered);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(first);
    expect(await stored()).toBe(1);
  });

  it("refuses a reused id carrying another subject", async () => {
    const input = t.receipt();
    await t.post("/v1/receipts", input);
    const res = await t.post("/v1/receipts", { ...input, subjectId: "B".repeat(22) });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("RECEIPT_ID_CONFLICT");
  });

  it("accepts text/plain bodies (sendBeacon)", async () => {
    const res = await t.post("/v1/receipts", t.receipt(), {
      "Content-Type": "text/plain;charset=UTF-8",
    });
    expect(res.status).toBe(201);
  });

  const bad: Array<[string, () => [unknown, Record<string, string>?], number, string]> = [
    ["malformed JSON", () => ["{not json", {}], 400, "INVALID_JSON"],
    ["a wrong type", () => [{ ...t.receipt(), gpc: "yes" }], 400, "INVALID_RECEIPT"],
    ["a missing field", () => [{ ...t.receipt(), decision: undefined }], 400, "INVALID_RECEIPT"],
    ["an array", () => [[]], 400, "INVALID_RECEIPT"],
    ["an unknown site", () => [t.receipt({ siteKey: "nope" })], 404, "SITE_NOT_FOUND"],
    [
      "an unknown config hash",
      () => [t.receipt({ configHash: "0".repeat(64) })],
      422,
      "UNKNOWN_CONFIG",
    ],
    [
      "a foreign origin",
      () => [t.receipt(), { Origin: "https://evil.example" }],
      403,
      "ORIGIN_NOT_ALLOWED",
    ],
    [
      "a form body",
      () => ["a=1", { "Content-Type": "application/x-www-form-urlencoded" }],
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    [
      "a look-alike media type",
      () => [JSON.stringify(t.receipt()), { "Content-Type": "application/json-patch+json" }],
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    ],
    ["a NUL in the path", () => [t.receipt({ pagePath: "/a\u0000b" })], 400, "INVALID_RECEIPT"],
    ["a control in the path", () => [t.receipt({ pagePath: "/a\u007fb" })], 400, "INVALID_RECEIPT"],
    [
      "a lone surrogate in the path",
      () => [t.receipt({ pagePath: "/a\ud800b" })],
      400,
      "INVALID_RECEIPT",
    ],
    [
      "an oversize body",
      () => [{ ...t.receipt(), pagePath: `/${"a".repeat(9000)}` }],
      413,
      "PAYLOAD_TOO_LARGE",
    ],
  ];

  it.each(bad)(
    "answers %s with a clear error and stores nothing",
    async (_name, make, status, code) => {
      const [body, headers] = make();
      const res = await t.post("/v1/receipts", body, headers);
      expect(res.status).toBe(status);
      const json = await res.json();
      expect(json.error.code).toBe(code);
      expect(typeof json.error.message).toBe("string");
      expect(json.error.message.length).toBeGreaterThan(5);
      expect(await stored()).toBe(0);
    },
  );

  it("stores a path exactly as signed: read back, the receipt still verifies", async () => {
    const jwks = await (await t.app.request("/v1/sites/demo/jwks")).json();
    for (const pagePath of ["/café/€/😀", "/a%00b"]) {
      const input = t.receipt({ pagePath });
      const posted = await (await t.post("/v1/receipts", input)).json();
      const read = await t.app.request(`/v1/receipts/${input.id}`, {
        headers: { "X-Assent-Subject": input.subjectId },
      });
      const back = await read.json();
      expect(back.pagePath).toBe(pagePath);
      expect(await verifyReceipt(back, jwks)).toEqual(await verifyReceipt(posted, jwks));
      expect((await verifyReceipt(back, jwks)).valid).toBe(true);
    }
  });

  it("stores a browser's UTF-8 User-Agent, cut without splitting a character: read back, the receipt still verifies", async () => {
    const jwks = await (await t.app.request("/v1/sites/demo/jwks")).json();
    for (const ua of [`${"A".repeat(511)}😀`, "Browser/1 (café) 😀"]) {
      const input = t.receipt();
      // As a browser sends it: UTF-8 bytes (which Node's fetch takes one Latin-1 character each).
      const bytes = String.fromCharCode(...new TextEncoder().encode(ua));
      const posted = await (await t.post("/v1/receipts", input, { "User-Agent": bytes })).json();
      const read = await t.app.request(`/v1/receipts/${input.id}`, {
        headers: { "X-Assent-Subject": input.subjectId },
      });
      const back = await read.json();
      expect(back.userAgent).toBe(ua.length > 512 ? "A".repeat(511) : ua);
      expect(back.userAgent).toBe(posted.userAgent);
      expect((await verifyReceipt(back, jwks)).valid).toBe(true);
    }
  });

  it("counts only receipts the site's banner could have sent against the site's shared limit", async () => {
    let n = 0;
    const limited = await createTestApp({
      rateLimits: { perIp: { perMinute: 60, burst: 20 }, perSite: { perMinute: 60, burst: 3 } },
      // Every request from another /64: the per-address limit never applies.
      clientIp: () => `2001:db8:0:${(n++).toString(16)}::1`,
    });
    try {
      for (let i = 0; i < 5; i++) {
        const refused = await limited.post(
          "/v1/receipts",
          limited.receipt({ configHash: "0".repeat(64) }),
          { Origin: "https://evil.example" },
        );
        expect(refused.status).toBe(403);
      }
      for (let i = 0; i < 3; i++)
        expect((await limited.post("/v1/receipts", limited.receipt())).status).toBe(201);
      // The site's own limit still holds for receipts it would store.
      expect((await limited.post("/v1/receipts", limited.receipt())).status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it("stores and signs the standard wording a receipt names; one without it still verifies", async () => {
    const jwks = await (await t.app.request("/v1/sites/demo/jwks")).json();
    const named = t.receipt({ wording: "1mpp9dnI" });
    const before = t.receipt();
    const bodies: Array<Record<string, unknown>> = [];
    for (const input of [named, before]) {
      const res = await t.post("/v1/receipts", input);
      expect(res.status).toBe(201);
      const body = await res.json();
      expect((await verifyReceipt(body, jwks)).valid).toBe(true);
      // Read back by its subject, the receipt is the one signed.
      const read = await t.app.request(`/v1/receipts/${input.id}`, {
        headers: { "X-Assent-Subject": input.subjectId },
      });
      expect(await read.json()).toEqual(body);
      bodies.push(body);
    }
    expect(bodies[0]?.wording).toBe("1mpp9dnI");
    expect(bodies[1] && "wording" in bodies[1]).toBe(false);
    const reworded = { ...bodies[0], wording: "0therHsh" } as unknown as StoredReceipt;
    expect(await verifyReceipt(reworded, jwks)).toEqual({
      valid: false,
      reason: "DIGEST_MISMATCH",
    });
    const rows = await t.db.select({ id: receipts.id, wording: receipts.wording }).from(receipts);
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: named.id, wording: "1mpp9dnI" },
        { id: before.id, wording: null },
      ]),
    );
    const listed = await (await t.admin()).get("/v1/admin/receipts?site=demo");
    const items = (await listed.json()).items;
    expect(items.find((r: { id: string }) => r.id === named.id)?.wording).toBe("1mpp9dnI");
  });

  it("refuses a malformed wording with a 400 that says so, and stores nothing", async () => {
    for (const wording of ["1mpp9dn", "1mpp9dn!", "a".repeat(64), 12345678]) {
      const res = await t.post("/v1/receipts", { ...t.receipt(), wording });
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe("INVALID_RECEIPT");
      expect(error.message).toMatch(/^wording: /);
    }
    expect(await stored()).toBe(0);
  });

  it("says which field is wrong", async () => {
    const res = await t.post("/v1/receipts", { ...t.receipt(), method: "accept-some" });
    expect((await res.json()).error.message).toMatch(/^method:/);
  });

  it("lets allowed origins post and tells the browser so", async () => {
    const res = await t.post("/v1/receipts", t.receipt(), { Origin: "http://localhost:8787" });
    expect(res.status).toBe(201);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("http://localhost:8787");
  });
});

describe("IP storage", () => {
  it("stores no IP when the runtime cannot tell it", async () => {
    const local = await createTestApp({ clientIp: null });
    const res = await local.post("/v1/receipts", local.receipt());
    expect((await res.json()).ip).toBeNull();
    await local.close();
  });
});
