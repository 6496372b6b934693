import { sessions } from "@assent/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, OWNER } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe("admin sign-in", () => {
  it("signs the owner in with an HttpOnly, SameSite cookie and lists their sites", async () => {
    const res = await t.post("/v1/admin/session", OWNER);
    expect(res.status).toBe(200);
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^assent_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const body = await res.json();
    expect(body.user.email).toBe(OWNER.email);
    expect(body.sites).toEqual([{ key: "demo", name: expect.any(String), role: "owner" }]);
    const stored = await t.db.select().from(sessions);
    expect(stored[0]?.id).not.toBe(cookie.split(";")[0]?.split("=")[1]);
  });

  it("refuses a wrong password with 401 and no cookie", async () => {
    const res = await t.post("/v1/admin/session", { ...OWNER, password: "wrong" });
    expect(res.status).toBe(401);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect((await res.json()).error.code).toBe("INVALID_CREDENTIALS");
  });

  it("throttles repeated failures", async () => {
    let last = 0;
    for (let i = 0; i < 6; i++) {
      last = (await t.post("/v1/admin/session", { ...OWNER, password: `wrong-${i}` })).status;
    }
    expect(last).toBe(429);
  });

  it("refuses cross-site sign-in attempts", async () => {
    const res = await t.post("/v1/admin/session", OWNER, { Origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("CSRF_REJECTED");
  });

  it("signs out, with the session's CSRF token", async () => {
    const a = await t.admin();
    const forged = await t.app.request("/v1/admin/session", {
      method: "DELETE",
      headers: { Cookie: a.cookie },
    });
    expect(forged.status).toBe(403);
    expect((await a.get("/v1/admin/session")).status).toBe(200);
    const out = await a.request("DELETE", "/v1/admin/session");
    expect(out.status).toBe(204);
    const after = await t.app.request("/v1/admin/session", { headers: { Cookie: a.cookie } });
    expect(after.status).toBe(401);
  });
});

describe("GET /v1/admin/receipts", () => {
  it("needs a session", async () => {
    const res = await t.app.request("/v1/admin/receipts?site=demo");
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
  });

  it("pages through every receipt, newest first, with no gaps or repeats", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = t.receipt();
      ids.push(r.id);
      expect((await t.post("/v1/receipts", r)).status).toBe(201);
    }
    const cookie = await t.signIn();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/v1/admin/receipts?site=demo&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await t.app.request(query, { headers: { Cookie: cookie } });
      expect(res.status).toBe(200);
      const page = (await res.json()) as {
        items: { id: string; serverTime: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it("refuses bad paging input and unknown sites", async () => {
    const cookie = await t.signIn();
    const get = (q: string) =>
      t.app.request(`/v1/admin/receipts${q}`, { headers: { Cookie: cookie } });
    expect((await get("?site=demo&limit=0")).status).toBe(400);
    expect((await get("?site=demo&cursor=garbage")).status).toBe(400);
    expect((await get("?site=other")).status).toBe(404);
    expect((await get("")).status).toBe(400);
  });
});
