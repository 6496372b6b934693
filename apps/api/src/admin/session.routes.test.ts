import { auditLog, sessions } from "@assent/db";
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

  it("evaluates at most 5 of 40 parallel attempts, the right password among them", async () => {
    const attempts = Array.from({ length: 40 }, (_, i) =>
      t.post("/v1/admin/session", i === 39 ? OWNER : { ...OWNER, password: `wrong-${i}` }),
    );
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    expect(statuses.filter((s) => s !== 429)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
  }, 20_000); // five full password hashes at once: slow on a busy machine, never a timing check

  it("cannot be used to lock the owner out from elsewhere", async () => {
    let ip = "198.51.100.66";
    const shared = await createTestApp({ clientIp: () => ip });
    try {
      const wrong = Array.from({ length: 30 }, (_, i) =>
        shared.post("/v1/admin/session", { ...OWNER, password: `guess-${i}` }),
      );
      const statuses = (await Promise.all(wrong)).map((r) => r.status);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
      ip = "203.0.113.10"; // the owner, at home
      expect((await shared.post("/v1/admin/session", OWNER)).status).toBe(200);
    } finally {
      await shared.close();
    }
  }, 20_000);

  it("keeps counting a client's guesses across accounts when it signs in to its own between them", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 37; i++) {
      // Every tenth attempt, the sprayer signs in to its own account (the owner's, here).
      const body =
        i % 10 === 9 ? OWNER : { email: `victim-${i % 8}@example.org`, password: `guess-${i}` };
      statuses.push((await t.post("/v1/admin/session", body)).status);
    }
    // Its own sign-ins went through and reset nothing: after 30 failed guesses, refused.
    expect(statuses.slice(0, 33)).toEqual(
      Array.from({ length: 33 }, (_, i) => (i % 10 === 9 ? 200 : 401)),
    );
    expect(statuses.slice(33)).toEqual([429, 429, 429, 429]);
  }, 30_000);

  it("never counts successful sign-ins from one client (an office's admins) as guesses", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await t.post("/v1/admin/session", OWNER)).status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  }, 60_000);

  it("counts an IPv6 client by its /64, so rotating addresses within it gains nothing", async () => {
    let n = 0;
    const rotating = await createTestApp({ clientIp: () => `2001:db8:1:2::${(++n).toString(16)}` });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push(
          (await rotating.post("/v1/admin/session", { ...OWNER, password: `wrong-${i}` })).status,
        );
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      await rotating.close();
    }
  }, 20_000);

  it("refuses cross-site sign-in attempts", async () => {
    const res = await t.post("/v1/admin/session", OWNER, { Origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("CSRF_REJECTED");
  });

  it("takes only JSON: a form, text or another JSON-like type is refused before anything is read", async () => {
    const send = (type: string) =>
      t.app.request("/v1/admin/session", {
        method: "POST",
        headers: { "Content-Type": type },
        body: JSON.stringify(OWNER),
      });
    for (const type of [
      "application/x-www-form-urlencoded",
      "text/plain",
      "application/json-patch+json",
      "application/jsonx",
    ]) {
      const res = await send(type);
      expect(res.status, type).toBe(415);
      expect((await res.json()).error.code, type).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
    expect((await send("application/json; charset=utf-8")).status).toBe(200);
    expect((await send("Application/JSON")).status).toBe(200);
  });

  it("behind a TLS proxy, compares Origin with the public URL, never the request URL", async () => {
    const proxied = await createTestApp({ publicOrigin: "https://consent.example.org" });
    try {
      // The proxy speaks plain http to the instance; the browser's Origin is the public one.
      const signIn = (origin: string) =>
        proxied.app.request("http://127.0.0.1:8791/v1/admin/session", {
          method: "POST",
          headers: { "Content-Type": "application/json", Origin: origin },
          body: JSON.stringify(OWNER),
        });
      expect((await signIn("https://consent.example.org")).status).toBe(200);
      const direct = await signIn("http://127.0.0.1:8791");
      expect(direct.status).toBe(403);
      expect((await direct.json()).error.code).toBe("CSRF_REJECTED");
    } finally {
      await proxied.close();
    }
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

describe("CSRF protection", () => {
  it("gives each session a CSRF token, at sign-in and from GET /v1/admin/session", async () => {
    const a = await t.admin();
    expect(a.csrfToken).toMatch(/^[\w-]{43}$/);
    const again = await (await a.get("/v1/admin/session")).json();
    expect(again.csrfToken).toBe(a.csrfToken);
    const b = await t.admin();
    expect(b.csrfToken).not.toBe(a.csrfToken);
  });

  it("refuses a write without, or with another session's, token, and changes nothing", async () => {
    const a = await t.admin();
    const b = await t.admin();
    for (const token of [undefined, "", b.csrfToken, `${a.csrfToken}x`]) {
      const res = await t.app.request("/v1/admin/sites/demo", {
        method: "PATCH",
        headers: {
          Cookie: a.cookie,
          "Content-Type": "application/json",
          ...(token === undefined ? {} : { "X-CSRF-Token": token }),
        },
        body: JSON.stringify({ name: "Renamed" }),
      });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("CSRF_TOKEN_INVALID");
    }
    const site = await (await a.get("/v1/admin/sites/demo")).json();
    expect(site.name).not.toBe("Renamed");
    const ok = await a.request("PATCH", "/v1/admin/sites/demo", { name: "Renamed" });
    expect(ok.status).toBe(200);
  });

  it("still refuses cross-site writes even with the right token", async () => {
    const a = await t.admin();
    const res = await a.request(
      "PATCH",
      "/v1/admin/sites/demo",
      { name: "x" },
      {
        Origin: "https://evil.example",
      },
    );
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("CSRF_REJECTED");
    const form = await a.request("PATCH", "/v1/admin/sites/demo", "name=x", {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
  });

  it("needs no token for reads", async () => {
    const cookie = await t.signIn();
    const res = await t.app.request("/v1/admin/sites", { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
  });
});

describe("sessions", () => {
  it("sets Secure on the cookie when the public URL is https, not by the request's scheme", async () => {
    const signIn = (app: typeof t.app) =>
      app.request("https://consent.example.org/v1/admin/session", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(OWNER),
      });
    expect((await signIn(t.app)).headers.get("Set-Cookie")).not.toMatch(/Secure/);
    const proxied = await createTestApp({ publicOrigin: "https://consent.example.org" });
    try {
      const res = await proxied.app.request("http://127.0.0.1:8791/v1/admin/session", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(OWNER),
      });
      expect(res.headers.get("Set-Cookie")).toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });

  it("ends a session after its lifetime", async () => {
    let now = Date.now();
    const clocked = await createTestApp({ now: () => now });
    const a = await clocked.admin();
    expect((await a.get("/v1/admin/session")).status).toBe(200);
    now += 12 * 60 * 60 * 1000 + 1;
    const res = await a.get("/v1/admin/session");
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
    await clocked.close();
  });

  it("answers throttled sign-ins with Retry-After, even with the right password", async () => {
    for (let i = 0; i < 5; i++)
      await t.post("/v1/admin/session", { ...OWNER, password: `no-${i}` });
    const res = await t.post("/v1/admin/session", OWNER);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });

  it("audits sign-in and sign-out", async () => {
    const a = await t.admin();
    await a.request("DELETE", "/v1/admin/session");
    const rows = await t.db.select().from(auditLog);
    expect(rows.map((r) => r.action)).toEqual(["session.sign-in", "session.sign-out"]);
    expect(rows[0]?.ip).toBe("203.0.113.77");
  });

  it("refuses malformed sign-in bodies", async () => {
    expect((await t.post("/v1/admin/session", "{nope")).status).toBe(400);
    expect((await t.post("/v1/admin/session", { email: "x" })).status).toBe(400);
  });
});
