import { apiTokens, auditLog } from "@assent/db";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let now = Date.now();
beforeEach(async () => {
  now = Date.now();
  t = await createTestApp({ now: () => now });
});
afterEach(async () => t.close());

const bearer = (token: string, init: RequestInit = {}) => ({
  ...init,
  headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
});

describe("API tokens", () => {
  it("creates a token shown once, stored only as a hash, usable for exports", async () => {
    expect((await t.post("/v1/receipts", t.receipt())).status).toBe(201);
    const owner = await t.admin();
    const res = await owner.request("POST", "/v1/admin/sites/demo/tokens", {
      name: "nightly export",
    });
    expect(res.status).toBe(201);
    const made = await res.json();
    expect(made).toMatchObject({
      name: "nightly export",
      role: "viewer",
      createdBy: "owner@example.org",
    });
    expect(made.token).toMatch(/^assent_[\w-]{43}$/);
    const [row] = await t.db.select().from(apiTokens);
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(made.token);
    const list = await (await owner.get("/v1/admin/sites/demo/tokens")).json();
    expect(JSON.stringify(list)).not.toContain(made.token);

    const csv = await t.app.request("/v1/admin/exports?site=demo&format=csv", bearer(made.token));
    expect(csv.status).toBe(200);
    expect((await csv.text()).split("\r\n").length).toBe(3);
    const [export_] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "receipts.export"));
    expect(export_?.tokenId).toBe(made.id);
  });

  it("acts with its role only: a viewer token reads but cannot write, and needs no CSRF token", async () => {
    const owner = await t.admin();
    const { token } = await (
      await owner.request("POST", "/v1/admin/sites/demo/tokens", { name: "r" })
    ).json();
    expect(
      (
        await t.app.request(
          "/v1/admin/stats?site=demo&from=2026-01-01&to=2026-01-02",
          bearer(token),
        )
      ).status,
    ).toBe(200);
    const write = await t.app.request(
      "/v1/admin/sites/demo",
      bearer(token, {
        method: "PATCH",
        body: JSON.stringify({ name: "x" }),
        headers: { "Content-Type": "application/json" },
      }),
    );
    expect(write.status).toBe(403);
    const admin = await (
      await owner.request("POST", "/v1/admin/sites/demo/tokens", { name: "w", role: "admin" })
    ).json();
    const ok = await t.app.request(
      "/v1/admin/sites/demo",
      bearer(admin.token, {
        method: "PATCH",
        body: JSON.stringify({ name: "Scripted" }),
        headers: { "Content-Type": "application/json" },
      }),
    );
    expect(ok.status).toBe(200);
  });

  it("cannot manage users or tokens, nor open a session", async () => {
    const owner = await t.admin();
    const { token } = await (
      await owner.request("POST", "/v1/admin/sites/demo/tokens", { name: "o", role: "owner" })
    ).json();
    const calls: Array<[string, string]> = [
      ["GET", "/v1/admin/sites/demo/tokens"],
      ["POST", "/v1/admin/sites/demo/members"],
      ["GET", "/v1/admin/session"],
    ];
    for (const [method, path] of calls) {
      const body = JSON.stringify({ email: "x@example.org", role: "owner" });
      const res = await t.app.request(
        path,
        bearer(token, {
          method,
          body: method === "POST" ? body : undefined,
          headers: { "Content-Type": "application/json" },
        }),
      );
      expect([path, res.status]).toEqual([path, 403]);
    }
  });

  it("stops working when revoked or expired, or when malformed", async () => {
    const owner = await t.admin();
    const a = await (
      await owner.request("POST", "/v1/admin/sites/demo/tokens", { name: "a" })
    ).json();
    const b = await (
      await owner.request("POST", "/v1/admin/sites/demo/tokens", { name: "b", expiresInDays: 1 })
    ).json();
    expect((await owner.request("DELETE", `/v1/admin/sites/demo/tokens/${a.id}`)).status).toBe(204);
    expect((await owner.request("DELETE", `/v1/admin/sites/demo/tokens/${a.id}`)).status).toBe(404);
    const use = (token: string) => t.app.request("/v1/admin/receipts?site=demo", bearer(token));
    expect((await use(a.token)).status).toBe(401);
    expect((await use(b.token)).status).toBe(200);
    now += 86_400_001;
    const expired = await use(b.token);
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.code).toBe("INVALID_TOKEN");
    expect((await use("assent_nonsense")).status).toBe(401);
    const basic = await t.app.request("/v1/admin/receipts?site=demo", {
      headers: { Authorization: "Basic eDp5" },
    });
    expect(basic.status).toBe(401);
  });

  it("refuses a token above its creator's role, and bad bodies", async () => {
    const admin = await t.addUser("admin@example.org", "admin");
    const owner = await t.admin();
    const cases: Array<[unknown, number]> = [
      [{ name: "" }, 400],
      [{ name: "x", role: "root" }, 400],
      [{ name: "x", expiresInDays: 0 }, 400],
      [{ name: "x", extra: true }, 400],
    ];
    for (const [body, status] of cases) {
      expect((await owner.request("POST", "/v1/admin/sites/demo/tokens", body)).status).toBe(
        status,
      );
    }
    const byAdmin = await t.admin(admin);
    expect(
      (await byAdmin.request("POST", "/v1/admin/sites/demo/tokens", { name: "x" })).status,
    ).toBe(403);
    expect(await t.db.select().from(apiTokens)).toEqual([]);
  });
});
