import { auditLog, sessions } from "@assent/db";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, OWNER } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const PASSWORD = "/v1/admin/account/password";
const SESSIONS = "/v1/admin/account/sessions";
const NEW_PASSWORD = "a brand new and long passphrase";

type Admin = Awaited<ReturnType<typeof t.admin>>;

/** Whether a session cookie still opens a session. */
const sessionStatus = async (cookie: string) =>
  (await t.app.request("/v1/admin/session", { headers: { Cookie: cookie } })).status;

const signInStatus = async (password: string) =>
  (await t.post("/v1/admin/session", { email: OWNER.email, password })).status;

const change = (admin: Admin, currentPassword: string, newPassword = NEW_PASSWORD) =>
  admin.request("PUT", PASSWORD, { currentPassword, newPassword });

const errorCode = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code;

describe("PUT /v1/admin/account/password", () => {
  it("ends every other session, replaces the caller's, and only the new password signs in", async () => {
    const a = await t.admin();
    const b = await t.admin(); // the same person, signed in elsewhere
    const res = await change(a, OWNER.password);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { otherSessionsEnded: number; csrfToken: string };
    expect(body.otherSessionsEnded).toBe(1);
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    expect(body.csrfToken).not.toBe(a.csrfToken);
    const setCookie = res.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^assent_session=[\w-]{43};.*HttpOnly/);
    const fresh = setCookie.split(";")[0] ?? "";
    expect(fresh).not.toBe(a.cookie);

    expect(await sessionStatus(b.cookie)).toBe(401);
    expect(await sessionStatus(a.cookie)).toBe(401);
    expect(await sessionStatus(fresh)).toBe(200);
    // The new session writes with the new CSRF token, not the old one.
    const rename = (csrf: string) =>
      t.app.request("/v1/admin/sites/demo", {
        method: "PATCH",
        headers: { Cookie: fresh, "X-CSRF-Token": csrf, "Content-Type": "application/json" },
        body: JSON.stringify({ name: "Renamed" }),
      });
    expect((await rename(a.csrfToken)).status).toBe(403);
    expect((await rename(body.csrfToken)).status).toBe(200);
    expect(await t.db.select().from(sessions)).toHaveLength(1);

    expect(await signInStatus(OWNER.password)).toBe(401);
    expect(await signInStatus(NEW_PASSWORD)).toBe(200);
  }, 20_000);

  it("audits the change and how many sessions it ended, never a password", async () => {
    const a = await t.admin();
    await t.admin();
    await t.admin();
    expect((await change(a, OWNER.password)).status).toBe(200);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "account.password-change"));
    expect(entry).toMatchObject({ target: OWNER.email, ip: "203.0.113.77", siteId: null });
    expect(JSON.parse(entry?.detail ?? "null")).toEqual({
      otherSessionsEnded: 2,
      tokensRevoked: 0,
    });
    const everything = JSON.stringify(await t.db.select().from(auditLog));
    expect(everything).not.toContain(OWNER.password);
    expect(everything).not.toContain(NEW_PASSWORD);
  }, 20_000);

  it("refuses a wrong current password with 403 WRONG_PASSWORD and changes nothing", async () => {
    const a = await t.admin();
    const b = await t.admin();
    const res = await change(a, "not my password at all");
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe("WRONG_PASSWORD");
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(await sessionStatus(a.cookie)).toBe(200);
    expect(await sessionStatus(b.cookie)).toBe(200);
    expect(await signInStatus(NEW_PASSWORD)).toBe(401);
    expect(await signInStatus(OWNER.password)).toBe(200);
    const actions = (await t.db.select().from(auditLog)).map((row) => row.action);
    expect(actions).not.toContain("account.password-change");
  }, 20_000);

  it("counts wrong current passwords as failed sign-ins of the account from that client", async () => {
    const a = await t.admin();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await change(a, `wrong-${i}`)).status);
    statuses.push(await signInStatus("wrong-at-sign-in"));
    expect(statuses).toEqual([403, 403, 403, 403, 401]);
    // Five failures in all: the right password is refused, by either door, until the window ends.
    const refused = await change(a, OWNER.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await signInStatus(OWNER.password)).toBe(429);
    expect(await sessionStatus(a.cookie)).toBe(200);
  }, 30_000);

  it("holds the new password to the rules for choosing one, and to differ from the current", async () => {
    const a = await t.admin();
    for (const [newPassword, problem] of [
      ["short", /newPassword: must be at least 12 characters/],
      [OWNER.password, /newPassword: must differ from the current password/],
      ["x".repeat(1025), /newPassword/],
    ] as const) {
      const res = await change(a, OWNER.password, newPassword);
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("INVALID_BODY");
      expect(error.message).toMatch(problem);
    }
    const tooLong = await change(a, "y".repeat(1025));
    expect([tooLong.status, await errorCode(tooLong)]).toEqual([400, "INVALID_BODY"]);
    const missing = await a.request("PUT", PASSWORD, { newPassword: NEW_PASSWORD });
    expect(missing.status).toBe(400);
    expect(await signInStatus(OWNER.password)).toBe(200);
  }, 20_000);

  it("applies one of two changes made at once, never both", async () => {
    const a = await t.admin();
    const passwords = ["first new passphrase", "second new passphrase"];
    const answers = await Promise.all(passwords.map((p) => change(a, OWNER.password, p)));
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // The other finds the account or its session changed: 409, 403 or 401, by how late it came.
    for (const status of statuses.filter((s) => s !== 200))
      expect([401, 403, 409]).toContain(status);
    const winner = passwords[statuses.indexOf(200)] ?? "";
    const loser = passwords[1 - statuses.indexOf(200)] ?? "";
    expect(await signInStatus(loser)).toBe(401);
    expect(await signInStatus(winner)).toBe(200);
  }, 30_000);

  it("is for a signed-in person: an API token is refused, and so is a write without the CSRF token", async () => {
    const a = await t.admin();
    const { token } = (await (
      await a.request("POST", "/v1/admin/sites/demo/tokens", { name: "ci", role: "owner" })
    ).json()) as { token: string };
    const body = JSON.stringify({ currentPassword: OWNER.password, newPassword: NEW_PASSWORD });
    const json = { "Content-Type": "application/json" };
    const byToken = await t.app.request(PASSWORD, {
      method: "PUT",
      headers: { ...json, Authorization: `Bearer ${token}` },
      body,
    });
    expect([byToken.status, await errorCode(byToken)]).toEqual([403, "SESSION_REQUIRED"]);
    const noCsrf = await t.app.request(PASSWORD, {
      method: "PUT",
      headers: { ...json, Cookie: a.cookie },
      body,
    });
    expect([noCsrf.status, await errorCode(noCsrf)]).toEqual([403, "CSRF_TOKEN_INVALID"]);
    const crossSite = await a.request(
      "PUT",
      PASSWORD,
      { currentPassword: OWNER.password, newPassword: NEW_PASSWORD },
      { Origin: "https://evil.example" },
    );
    expect([crossSite.status, await errorCode(crossSite)]).toEqual([403, "CSRF_REJECTED"]);
    const nobody = await t.app.request(PASSWORD, { method: "PUT", headers: json, body });
    expect(nobody.status).toBe(401);
    expect(await sessionStatus(a.cookie)).toBe(200);
    expect(await signInStatus(OWNER.password)).toBe(200);
  }, 20_000);
});

describe("GET /v1/admin/account/sessions", () => {
  it("lists the account's open sessions, newest first, the caller's marked current", async () => {
    const a = await t.admin();
    await t.admin();
    const other = await t.admin({ ...(await t.addUser("viewer@example.org", "viewer")) });
    const res = await a.get(SESSIONS);
    expect(res.status).toBe(200);
    const { sessions: listed } = (await res.json()) as {
      sessions: {
        createdAt: string;
        lastSeenAt: string | null;
        expiresAt: string;
        current: boolean;
      }[];
    };
    expect(listed).toHaveLength(2);
    expect(listed.filter((s) => s.current)).toHaveLength(1);
    expect(Date.parse(listed[0]?.expiresAt ?? "")).toBeGreaterThan(Date.now());
    expect(JSON.stringify(listed)).not.toContain(a.cookie.split("=")[1]);
    const theirs = (await (await other.get(SESSIONS)).json()) as { sessions: unknown[] };
    expect(theirs.sessions).toHaveLength(1);
  }, 20_000);
});

describe("DELETE /v1/admin/account/sessions (sign out everywhere)", () => {
  it("ends every session of the account, the caller's included, clears the cookie and audits it", async () => {
    const a = await t.admin();
    const b = await t.admin();
    const viewer = await t.admin(await t.addUser("viewer@example.org", "viewer"));
    const res = await a.request("DELETE", SESSIONS);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sessionsEnded: 2, tokensRevoked: 0 });
    expect(res.headers.get("Set-Cookie")).toMatch(/^assent_session=;.*Max-Age=0/);
    expect(await sessionStatus(a.cookie)).toBe(401);
    expect(await sessionStatus(b.cookie)).toBe(401);
    // Another person's session is theirs.
    expect(await sessionStatus(viewer.cookie)).toBe(200);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "session.sign-out-everywhere"));
    expect(JSON.parse(entry?.detail ?? "null")).toEqual({ sessionsEnded: 2, tokensRevoked: 0 });
    // The password is unchanged.
    expect(await signInStatus(OWNER.password)).toBe(200);
  }, 20_000);

  it("needs the session's CSRF token, and a session, not an API token", async () => {
    const a = await t.admin();
    const forged = await t.app.request(SESSIONS, {
      method: "DELETE",
      headers: { Cookie: a.cookie },
    });
    expect([forged.status, await errorCode(forged)]).toEqual([403, "CSRF_TOKEN_INVALID"]);
    const { token } = (await (
      await a.request("POST", "/v1/admin/sites/demo/tokens", { name: "ci", role: "owner" })
    ).json()) as { token: string };
    for (const method of ["GET", "DELETE"]) {
      const res = await t.app.request(SESSIONS, {
        method,
        headers: { Authorization: `Bearer ${token}` },
      });
      expect([res.status, await errorCode(res)]).toEqual([403, "SESSION_REQUIRED"]);
    }
    expect(await sessionStatus(a.cookie)).toBe(200);
  });
});

describe("recovering a taken-over account", () => {
  /** Mints an owner token on the demo site from `admin`'s session, as someone holding it could. */
  const mintToken = async (admin: Admin) => {
    const made = await admin.request("POST", "/v1/admin/sites/demo/tokens", {
      name: "backup",
      role: "owner",
    });
    expect(made.status).toBe(201);
    return { Authorization: `Bearer ${((await made.json()) as { token: string }).token}` };
  };
  const exportStatus = async (bearer: Record<string, string>) =>
    (await t.app.request("/v1/admin/exports?site=demo&format=csv", { headers: bearer })).status;

  it("a password change revokes the account's API tokens on every site, and says how many", async () => {
    const intruder = await t.admin();
    const bearer = await mintToken(intruder);
    expect(await exportStatus(bearer)).toBe(200);

    const owner = await t.admin();
    const res = await change(owner, OWNER.password);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ otherSessionsEnded: 1, tokensRevoked: 1 });
    expect(await exportStatus(bearer)).toBe(401);
    const [entry] = await t.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.action, "account.password-change"));
    expect(JSON.parse(entry?.detail ?? "null")).toEqual({
      otherSessionsEnded: 1,
      tokensRevoked: 1,
    });
  });

  it("signing out everywhere revokes them too", async () => {
    const intruder = await t.admin();
    const bearer = await mintToken(intruder);
    const owner = await t.admin();
    const res = await owner.request("DELETE", SESSIONS);
    expect(await res.json()).toEqual({ sessionsEnded: 2, tokensRevoked: 1 });
    expect(await exportStatus(bearer)).toBe(401);
  });

  it("a wrong current password revokes nothing", async () => {
    const owner = await t.admin();
    const bearer = await mintToken(owner);
    expect((await change(owner, "not the password at all")).status).toBe(403);
    expect(await exportStatus(bearer)).toBe(200);
  });
});
