import { auditLog, siteMembers, users } from "@assent/db";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestApp, OWNER } from "../test-support/test-app";

/**
 * The owner of site "site-b" tries to learn whether addresses have accounts (on another tenant's site
 * or nowhere) by inviting them. The answers must not tell; the audit log must.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp({ now: () => Date.UTC(2026, 0, 5) });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
});

/** Every value replaced by its type: what a response's shape tells, without its content. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v)]),
    );
  }
  return typeof value;
}

async function auditOf(siteId: number, action: string) {
  const rows = await t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.siteId, siteId), eq(auditLog.action, action)));
  return rows.map((r) => ({ target: r.target, detail: JSON.parse(r.detail ?? "null") }));
}

describe("inviting does not reveal whether an address has an account", () => {
  it("answers a known and an unknown address alike, grants nothing, and the audit tells the truth on acceptance", async () => {
    const b = await t.addSite("site-b");
    const ownerB = await t.admin(await t.addUser("owner-b@example.org", "owner", "site-b"));
    const derive = vi.spyOn(crypto.subtle, "deriveBits");
    const invite = (email: string) =>
      ownerB.request("POST", "/v1/admin/sites/site-b/members", { email, role: "owner" });

    // owner@example.org has an account (owner of "demo", another tenant); nobody@ has none.
    const known = await invite(OWNER.email);
    const unknown = await invite("nobody@example.org");
    expect(known.status).toBe(201);
    expect(unknown.status).toBe(known.status);
    expect([...known.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort());
    const [k, u] = [await known.json(), await unknown.json()];
    expect(shape(k)).toEqual(shape(u));
    expect({ ...k, id: 0, email: "", token: "", acceptUrl: "" }).toEqual({
      ...u,
      id: 0,
      email: "",
      token: "",
      acceptUrl: "",
    });
    // No password was hashed or checked for either: the same work, so the same time.
    expect(derive).not.toHaveBeenCalled();
    // Nobody was attached to "site-b" and no account was made.
    expect(await t.db.select().from(siteMembers).where(eq(siteMembers.siteId, b.id))).toHaveLength(
      1,
    );
    expect(await t.db.select().from(users)).toHaveLength(2);
    // The invitations' audit entries say what happened, an invitation, and no more.
    const invites = await auditOf(b.id, "member.invite");
    expect(invites).toEqual([
      { target: OWNER.email, detail: { role: "owner", invitationId: k.id } },
      { target: "nobody@example.org", detail: { role: "owner", invitationId: u.id } },
    ]);
    for (const token of [k.token, u.token]) {
      const res = await t.post("/v1/admin/invitations/inspect", { token });
      expect(shape(await res.json())).toEqual({
        email: "string",
        expiresAt: "string",
        role: "string",
        site: { key: "string", name: "string" },
      });
    }

    // The owner of "demo" accepts with their own password; nobody@ chooses one.
    const joined = await t.post("/v1/admin/invitations/accept", {
      token: k.token,
      password: OWNER.password,
    });
    expect(joined.status).toBe(200);
    expect(await t.db.select().from(users)).toHaveLength(2);
    const created = await t.post("/v1/admin/invitations/accept", {
      token: u.token,
      password: "nobody's new password",
    });
    expect(created.status).toBe(200);
    expect(await t.db.select().from(users)).toHaveLength(3);
    const adds = await auditOf(b.id, "member.add");
    expect(adds).toEqual([
      {
        target: OWNER.email,
        detail: { role: "owner", account: "existing", invitationId: k.id },
      },
      {
        target: "nobody@example.org",
        detail: { role: "owner", account: "created", invitationId: u.id },
      },
    ]);
    const members = await t.db.select().from(siteMembers).where(eq(siteMembers.siteId, b.id));
    expect(members).toHaveLength(3);
  });
});
