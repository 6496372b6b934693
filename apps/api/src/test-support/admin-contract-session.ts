import { CSRF_HEADER } from "@assent/core";
import { describe, expect, it } from "vitest";
import { type AdminContractContext, expectError } from "./admin-contract";
import { signIn } from "./http-client";

/** Sign-in, the session cookie, sign-out and CSRF, as a browser meets them. */
export function sessionContract(ctx: AdminContractContext): void {
  const signInRequest = (body: unknown, origin = ctx.target.origin) =>
    ctx.target.fetch("/v1/admin/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: origin },
      body: JSON.stringify(body),
    });

  describe("session", () => {
    it("signs the owner in with an HttpOnly, SameSite=Strict cookie and answers the CSRF token", async () => {
      const res = await signInRequest(ctx.target.owner);
      expect(res.status).toBe(200);
      const cookie = res.headers.get("Set-Cookie") ?? "";
      expect(cookie).toMatch(/^assent_session=[\w-]{43};/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).toMatch(/; Path=\//);
      const body = await res.json();
      expect(body.user.email).toBe(ctx.target.owner.email);
      expect(body.sites).toContainEqual({ key: "demo", name: expect.any(String), role: "owner" });
      expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
      const session = await ctx.target.fetch("/v1/admin/session", {
        headers: { Cookie: cookie.split(";")[0] ?? "" },
      });
      expect(session.status).toBe(200);
      expect((await session.json()).csrfToken).toBe(body.csrfToken);
    });

    it("refuses a wrong password and an unknown account alike: 401, no cookie", async () => {
      for (const credentials of [
        { ...ctx.target.owner, password: "not the password at all" },
        { email: "nobody@example.org", password: "not the password at all" },
      ]) {
        const res = await signInRequest(credentials);
        expect(res.headers.get("Set-Cookie")).toBeNull();
        await expectError(res, 401, "INVALID_CREDENTIALS");
      }
    });

    it("invites a member, who accepts with a new password, signs in and holds only their role", async () => {
      const member = { email: "viewer@example.org", password: "a viewer's long password" };
      const invited = await ctx.owner.request("POST", "/v1/admin/sites/demo/members", {
        email: member.email,
        role: "viewer",
      });
      expect(invited.status).toBe(201);
      const { token, acceptUrl } = (await invited.json()) as { token: string; acceptUrl: string };
      expect(acceptUrl).toBe(`${ctx.target.origin}/admin/#invitation=${token}`);
      const accepted = await ctx.target.fetch("/v1/admin/invitations/accept", {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: ctx.target.origin },
        body: JSON.stringify({ token, password: member.password }),
      });
      expect(accepted.status).toBe(200);
      const viewer = await signIn(ctx.target, member);
      expect((await viewer.get("/v1/admin/receipts?site=demo")).status).toBe(200);
      await expectError(
        await viewer.request("PATCH", "/v1/admin/sites/demo", { name: "Mine" }),
        403,
        "FORBIDDEN",
      );
    });

    it("changes a member's password: their other session ends, this one is replaced, and signing out everywhere ends it", async () => {
      const member = { email: "changes-password@example.org", password: "the first long password" };
      const invited = await ctx.owner.json<{ token: string }>(
        "POST",
        "/v1/admin/sites/demo/members",
        { email: member.email, role: "viewer" },
      );
      const accepted = await ctx.target.fetch("/v1/admin/invitations/accept", {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: ctx.target.origin },
        body: JSON.stringify({ token: invited.token, password: member.password }),
      });
      expect(accepted.status).toBe(200);
      const here = await signIn(ctx.target, member);
      const elsewhere = await signIn(ctx.target, member);
      const newPassword = "the second long password";
      const wrong = await here.request("PUT", "/v1/admin/account/password", {
        currentPassword: "not the first password",
        newPassword,
      });
      await expectError(wrong, 403, "WRONG_PASSWORD");
      const changed = await here.request("PUT", "/v1/admin/account/password", {
        currentPassword: member.password,
        newPassword,
      });
      expect(changed.status).toBe(200);
      const { otherSessionsEnded, csrfToken } = await changed.json();
      expect(otherSessionsEnded).toBe(1);
      const cookie = (changed.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
      await expectError(await elsewhere.get("/v1/admin/session"), 401, "UNAUTHENTICATED");
      await expectError(await here.get("/v1/admin/session"), 401, "UNAUTHENTICATED");
      const replaced = { Cookie: cookie, Origin: ctx.target.origin, [CSRF_HEADER]: csrfToken };
      const listed = await ctx.target.fetch("/v1/admin/account/sessions", { headers: replaced });
      expect((await listed.json()).sessions).toEqual([expect.objectContaining({ current: true })]);
      await expectError(await signInRequest(member), 401, "INVALID_CREDENTIALS");
      const again = await signIn(ctx.target, { ...member, password: newPassword });
      const everywhere = await ctx.target.fetch("/v1/admin/account/sessions", {
        method: "DELETE",
        headers: replaced,
      });
      expect(everywhere.status).toBe(200);
      expect(await everywhere.json()).toEqual({ sessionsEnded: 2, tokensRevoked: 0 });
      expect(everywhere.headers.get("Set-Cookie")).toMatch(/^assent_session=;.*Max-Age=0/);
      await expectError(await again.get("/v1/admin/session"), 401, "UNAUTHENTICATED");
    });

    it("answers 401 to an admin read without a session, and to a forged cookie", async () => {
      await expectError(
        await ctx.target.fetch("/v1/admin/receipts?site=demo"),
        401,
        "UNAUTHENTICATED",
      );
      const forged = await ctx.target.fetch("/v1/admin/receipts?site=demo", {
        headers: { Cookie: `assent_session=${"A".repeat(43)}` },
      });
      await expectError(forged, 401, "UNAUTHENTICATED");
    });

    it("signs out: the cookie is cleared and no longer opens a session", async () => {
      const mine = await signIn(ctx.target, ctx.target.owner);
      const out = await mine.request("DELETE", "/v1/admin/session");
      expect(out.status).toBe(204);
      expect(out.headers.get("Set-Cookie")).toMatch(/^assent_session=;.*Max-Age=0/);
      await expectError(await mine.get("/v1/admin/session"), 401, "UNAUTHENTICATED");
    });
  });

  describe("CSRF", () => {
    const rename = (headers: Record<string, string>) =>
      ctx.target.fetch("/v1/admin/sites/demo", {
        method: "PATCH",
        headers: { Cookie: ctx.owner.cookie, "Content-Type": "application/json", ...headers },
        body: JSON.stringify({ name: "Renamed" }),
      });

    it("refuses an admin write from a foreign origin with 403 CSRF_REJECTED, even with the token", async () => {
      const res = await rename({
        Origin: "https://evil.example",
        [CSRF_HEADER]: ctx.owner.csrfToken,
      });
      await expectError(res, 403, "CSRF_REJECTED");
      await expectError(
        await signInRequest(ctx.target.owner, "https://evil.example"),
        403,
        "CSRF_REJECTED",
      );
    });

    it("refuses a write from the public origin without the session's token", async () => {
      await expectError(await rename({ Origin: ctx.target.origin }), 403, "CSRF_TOKEN_INVALID");
      const wrong = await rename({ Origin: ctx.target.origin, [CSRF_HEADER]: "x".repeat(43) });
      await expectError(wrong, 403, "CSRF_TOKEN_INVALID");
    });

    it("accepts a write from the public origin with the token", async () => {
      const res = await rename({ Origin: ctx.target.origin, [CSRF_HEADER]: ctx.owner.csrfToken });
      expect(res.status).toBe(200);
      expect((await res.json()).name).toBe("Renamed");
      const site = await ctx.owner.json<{ name: string }>("GET", "/v1/admin/sites/demo");
      expect(site.name).toBe("Renamed");
    });
  });
}
