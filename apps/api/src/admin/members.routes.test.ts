import { apiTokens, siteMembers, users } from "@assent/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const NEW = { email: "Dpo@Example.org", role: "viewer", password: "a long enough password" };

describe("users and roles", () => {
  it("adds a new user with a hashed password, who can then sign in with that role", async () => {
    const owner = await t.admin();
    const res = await owner.request("POST", "/v1/admin/sites/demo/members", NEW);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      email: "dpo@example.org",
      role: "viewer",
      name: "dpo",
    });
    const stored = (await t.db.select().from(users)).find((u) => u.email === "dpo@example.org");
    expect(stored?.passwordHash).toMatch(/^pbkdf2-sha256\$/);
    expect(stored?.passwordHash).not.toContain(NEW.password);
    const dpo = await t.admin({ email: NEW.email, password: NEW.password });
    const session = await (await dpo.get("/v1/admin/session")).json();
    expect(session.sites).toEqual([{ key: "demo", name: expect.any(String), role: "viewer" }]);
    const list = await (await owner.get("/v1/admin/sites/demo/members")).json();
    expect(list.members.map((m: { email: string }) => m.email)).toEqual([
      "dpo@example.org",
      "owner@example.org",
    ]);
  });

  it("adds an existing user without a password, and refuses a duplicate", async () => {
    await t.addSite("second");
    const existing = await t.addUser("admin@example.org", "admin", "second");
    const owner = await t.admin();
    const add = { email: existing.email, role: "admin" };
    expect((await owner.request("POST", "/v1/admin/sites/demo/members", add)).status).toBe(201);
    const again = await owner.request("POST", "/v1/admin/sites/demo/members", add);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("ALREADY_MEMBER");
  });

  const bad: Array<[string, unknown, number, string]> = [
    [
      "no password for a new user",
      { email: "x@example.org", role: "viewer" },
      400,
      "PASSWORD_REQUIRED",
    ],
    ["a short password", { ...NEW, password: "short" }, 400, "INVALID_BODY"],
    ["an unknown role", { ...NEW, role: "god" }, 400, "INVALID_BODY"],
    ["a malformed email", { ...NEW, email: "not-an-email" }, 400, "INVALID_BODY"],
  ];
  it.each(bad)("refuses %s and adds nobody", async (_n, body, status, code) => {
    const owner = await t.admin();
    const res = await owner.request("POST", "/v1/admin/sites/demo/members", body);
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe(code);
    expect(await t.db.select().from(users)).toHaveLength(1);
  });

  it("changes roles, removes members, and always keeps an owner", async () => {
    const owner = await t.admin();
    const me = (await (await owner.get("/v1/admin/session")).json()).user.id;
    const other = await t.addUser("admin@example.org", "admin");
    const promote = await owner.request("PATCH", `/v1/admin/sites/demo/members/${other.id}`, {
      role: "viewer",
    });
    expect(await promote.json()).toMatchObject({ role: "viewer" });
    const demoteSelf = await owner.request("PATCH", `/v1/admin/sites/demo/members/${me}`, {
      role: "admin",
    });
    expect(demoteSelf.status).toBe(409);
    expect((await demoteSelf.json()).error.code).toBe("LAST_OWNER");
    expect((await owner.request("DELETE", `/v1/admin/sites/demo/members/${me}`)).status).toBe(409);
    expect((await owner.request("DELETE", `/v1/admin/sites/demo/members/${other.id}`)).status).toBe(
      204,
    );
    expect((await owner.request("DELETE", `/v1/admin/sites/demo/members/${other.id}`)).status).toBe(
      404,
    );
    expect((await owner.request("DELETE", "/v1/admin/sites/demo/members/abc")).status).toBe(400);
    expect(await t.db.select().from(siteMembers)).toHaveLength(1);
    const log = await (await owner.get("/v1/admin/sites/demo/audit")).json();
    expect(log.items.map((e: { action: string }) => e.action).slice(0, 2)).toEqual([
      "member.remove",
      "member.role",
    ]);
  });

  it("lets only owners manage users; admins and viewers can read the list", async () => {
    const admin = await t.admin(await t.addUser("admin@example.org", "admin"));
    expect((await admin.get("/v1/admin/sites/demo/members")).status).toBe(200);
    const res = await admin.request("POST", "/v1/admin/sites/demo/members", NEW);
    expect(res.status).toBe(403);
    expect(await t.db.select().from(users)).toHaveLength(2);
  });

  it("revokes a removed member's tokens", async () => {
    const owner = await t.admin();
    const second = await t.addUser("second@example.org", "owner");
    const other = await t.admin(second);
    const made = await (
      await other.request("POST", "/v1/admin/sites/demo/tokens", { name: "script" })
    ).json();
    expect(
      (await owner.request("DELETE", `/v1/admin/sites/demo/members/${second.id}`)).status,
    ).toBe(204);
    const [token] = await t.db.select().from(apiTokens);
    expect(token?.revokedAt).not.toBeNull();
    const res = await t.app.request("/v1/admin/receipts?site=demo", {
      headers: { Authorization: `Bearer ${made.token}` },
    });
    expect(res.status).toBe(401);
  });
});
