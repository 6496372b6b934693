import { apiTokens, siteMembers, users } from "@assent/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let now = Date.UTC(2026, 0, 5);
beforeEach(async () => {
  now = Date.UTC(2026, 0, 5);
  t = await createTestApp({ now: () => now });
});
afterEach(async () => t.close());

const DAY = 86_400_000;
const INVITE = { email: "Dpo@Example.org", role: "viewer" };
const PASSWORD = "a long enough password";

/** Accepts an invitation by its token, as the invited person's browser does. */
const accept = (token: string, password = PASSWORD, name?: string) =>
  t.post("/v1/admin/invitations/accept", { token, password, ...(name ? { name } : {}) });

describe("users and roles", () => {
  it("invites an address; accepted with a new password, the account signs in with that role", async () => {
    const owner = await t.admin();
    const res = await owner.request("POST", "/v1/admin/sites/demo/members", INVITE);
    expect(res.status).toBe(201);
    const invitation = await res.json();
    expect(invitation).toMatchObject({
      email: "dpo@example.org",
      role: "viewer",
      invitedBy: "owner@example.org",
      expiresAt: new Date(now + 7 * DAY).toISOString(),
    });
    expect(invitation.acceptUrl).toBe(
      `http://localhost:8787/admin/#invitation=${invitation.token}`,
    );
    const listed = await (await owner.get("/v1/admin/sites/demo/members")).json();
    expect(listed.invitations).toEqual([
      expect.objectContaining({ id: invitation.id, email: "dpo@example.org" }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(invitation.token);

    const inspect = await t.post("/v1/admin/invitations/inspect", { token: invitation.token });
    expect(await inspect.json()).toEqual({
      site: { key: "demo", name: expect.any(String) },
      email: "dpo@example.org",
      role: "viewer",
      expiresAt: invitation.expiresAt,
    });
    const accepted = await accept(invitation.token, PASSWORD, "Data Protection");
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({
      email: "dpo@example.org",
      site: { key: "demo", role: "viewer" },
    });
    const stored = (await t.db.select().from(users)).find((u) => u.email === "dpo@example.org");
    expect(stored?.passwordHash).toMatch(/^pbkdf2-sha256\$/);
    expect(stored?.name).toBe("Data Protection");
    const dpo = await t.admin({ email: INVITE.email, password: PASSWORD });
    const session = await (await dpo.get("/v1/admin/session")).json();
    expect(session.sites).toEqual([{ key: "demo", name: expect.any(String), role: "viewer" }]);
    const after = await (await owner.get("/v1/admin/sites/demo/members")).json();
    expect(after.members.map((m: { email: string }) => m.email)).toEqual([
      "dpo@example.org",
      "owner@example.org",
    ]);
    expect(after.invitations).toEqual([]);
    expect((await accept(invitation.token)).status).toBe(404);
  });

  it("lets an existing account accept only with its own password, and refuses members", async () => {
    await t.addSite("second");
    const existing = await t.addUser("admin@example.org", "admin", "second");
    const owner = await t.admin();
    const add = { email: existing.email, role: "admin" };
    const made = await (await owner.request("POST", "/v1/admin/sites/demo/members", add)).json();
    const wrong = await accept(made.token, "not the password of that account");
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe("INVALID_CREDENTIALS");
    expect((await accept(made.token, existing.password)).status).toBe(200);
    expect(await t.db.select().from(users)).toHaveLength(2);
    const again = await owner.request("POST", "/v1/admin/sites/demo/members", add);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("ALREADY_MEMBER");
  });

  it("refuses a revoked, replaced, used or expired invitation alike, and an unknown token", async () => {
    const owner = await t.admin();
    const invite = async (email: string) =>
      (
        await owner.request("POST", "/v1/admin/sites/demo/members", { email, role: "viewer" })
      ).json();
    const revoked = await invite("revoked@example.org");
    const del = `/v1/admin/sites/demo/invitations/${revoked.id}`;
    expect((await owner.request("DELETE", del)).status).toBe(204);
    expect((await owner.request("DELETE", del)).status).toBe(404);
    const replaced = await invite("twice@example.org");
    const current = await invite("twice@example.org");
    expect((await accept(replaced.token)).status).toBe(404);
    expect((await accept(current.token)).status).toBe(200);
    const expired = await invite("late@example.org");
    now += 7 * DAY;
    for (const token of [revoked.token, current.token, expired.token, "A".repeat(43)]) {
      for (const res of [
        await accept(token),
        await t.post("/v1/admin/invitations/inspect", { token }),
      ]) {
        expect(res.status).toBe(404);
        expect((await res.json()).error.code).toBe("INVITATION_NOT_FOUND");
      }
    }
    expect(await t.db.select().from(users)).toHaveLength(2);
    const later = await t.admin();
    const log = await (await later.get("/v1/admin/sites/demo/audit")).json();
    expect(log.items.map((e: { action: string }) => e.action)).toContain("member.invite.revoke");
  });

  const bad: Array<[string, unknown, string]> = [
    [
      "a password (the invited person chooses it)",
      { ...INVITE, password: PASSWORD },
      "INVALID_BODY",
    ],
    ["an unknown role", { ...INVITE, role: "god" }, "INVALID_BODY"],
    ["a malformed email", { ...INVITE, email: "not-an-email" }, "INVALID_BODY"],
  ];
  it.each(bad)("refuses an invitation with %s, and invites nobody", async (_n, body, code) => {
    const owner = await t.admin();
    const res = await owner.request("POST", "/v1/admin/sites/demo/members", body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe(code);
    expect((await (await owner.get("/v1/admin/sites/demo/members")).json()).invitations).toEqual(
      [],
    );
  });

  it("refuses a short new password at acceptance, keeping the invitation open", async () => {
    const owner = await t.admin();
    const made = await (await owner.request("POST", "/v1/admin/sites/demo/members", INVITE)).json();
    const res = await accept(made.token, "short");
    expect(res.status).toBe(400);
    expect((await accept(made.token)).status).toBe(200);
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

  it("lets only owners invite; admins and viewers can read the list", async () => {
    const admin = await t.admin(await t.addUser("admin@example.org", "admin"));
    expect((await admin.get("/v1/admin/sites/demo/members")).status).toBe(200);
    const res = await admin.request("POST", "/v1/admin/sites/demo/members", INVITE);
    expect(res.status).toBe(403);
    expect((await (await admin.get("/v1/admin/sites/demo/members")).json()).invitations).toEqual(
      [],
    );
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

  it("revokes the invitations a member sent once they are no longer an owner", async () => {
    const owner = await t.admin();
    const second = await t.addUser("second@example.org", "owner");
    const other = await t.admin(second);
    const invite = async (email: string) =>
      (
        await other.request("POST", "/v1/admin/sites/demo/members", { email, role: "owner" })
      ).json();
    // Demoted: the invitations they sent are void.
    const before = await invite("ghost@example.org");
    const demoted = await owner.request("PATCH", `/v1/admin/sites/demo/members/${second.id}`, {
      role: "admin",
    });
    expect(demoted.status).toBe(200);
    expect((await accept(before.token)).status).toBe(404);
    // Made an owner again, they invite; removed, that invitation is void too.
    await owner.request("PATCH", `/v1/admin/sites/demo/members/${second.id}`, { role: "owner" });
    const kept = await invite("ghost2@example.org");
    expect(
      (await owner.request("DELETE", `/v1/admin/sites/demo/members/${second.id}`)).status,
    ).toBe(204);
    expect((await accept(kept.token)).status).toBe(404);
    const listed = await (await owner.get("/v1/admin/sites/demo/members")).json();
    expect(listed.invitations).toEqual([]);
    // Another owner's invitations stand.
    const own = await (await owner.request("POST", "/v1/admin/sites/demo/members", INVITE)).json();
    expect((await accept(own.token)).status).toBe(200);
  });
});
