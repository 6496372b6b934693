import { afterEach, describe, expect, it, vi } from "vitest";
import { apiError, fakeSession, ok, stubApi } from "../testing/fake-api";
import { ApiRequestError, apiRequest, isSessionEnded } from "./client";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("apiRequest", () => {
  it("sends JSON with the same-origin session cookie and returns the parsed body", async () => {
    const calls = stubApi({ "POST /v1/echo": (call) => ok({ got: call.body }) });

    await expect(apiRequest("/v1/echo", { method: "POST", body: { a: 1 } })).resolves.toEqual({
      got: { a: 1 },
    });
    expect(calls[0]?.init.credentials).toBe("same-origin");
    expect(calls[0]?.init.headers).toMatchObject({ "Content-Type": "application/json" });
  });

  it("returns undefined for 204 No Content", async () => {
    stubApi({ "DELETE /v1/thing": () => ({ status: 204 }) });
    await expect(apiRequest("/v1/thing", { method: "DELETE" })).resolves.toBeUndefined();
  });

  it("throws the API's code and message with the status", async () => {
    stubApi({ "GET /v1/private": () => apiError(403, "FORBIDDEN", "Not a member of this site") });

    const error = await apiRequest("/v1/private").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
      message: "Not a member of this site",
    });
    expect(isSessionEnded(error)).toBe(false);
  });

  it("names the status when the error body is not the API's shape", async () => {
    vi.stubGlobal("fetch", async () => new Response("<h1>Bad gateway</h1>", { status: 502 }));

    await expect(apiRequest("/v1/anything")).rejects.toMatchObject({
      status: 502,
      code: "HTTP_502",
      message: "The request failed (HTTP 502).",
    });
  });

  it("turns an unreachable server into a NETWORK_ERROR", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });

    await expect(apiRequest("/v1/anything")).rejects.toMatchObject({
      status: 0,
      code: "NETWORK_ERROR",
    });
  });

  it("treats 401 as the end of the session", async () => {
    stubApi({ "GET /v1/admin/session": () => apiError(401, "UNAUTHENTICATED", "Sign in") });
    const error = await apiRequest("/v1/admin/session").catch((e: unknown) => e);
    expect(isSessionEnded(error)).toBe(true);
  });
});

describe("CSRF token", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("echoes the session's token on writes, not on reads, and forgets it on sign-out", async () => {
    const calls = stubApi({
      "GET /v1/admin/session": () => ok({ ...fakeSession(), csrfToken: "token-1" }),
      "POST /v1/thing": () => ok({}),
      "GET /v1/thing": () => ok({}),
      "DELETE /v1/admin/session": () => ({ status: 204 }),
    });
    await apiRequest("/v1/admin/session");
    await apiRequest("/v1/thing", { method: "POST", body: {} });
    await apiRequest("/v1/thing");
    await apiRequest("/v1/admin/session", { method: "DELETE" });
    await apiRequest("/v1/thing", { method: "POST", body: {} });
    const sent = calls.map((c) => (c.init.headers as Record<string, string>)["X-CSRF-Token"]);
    expect(sent).toEqual([undefined, "token-1", undefined, "token-1", undefined]);
  });

  it("takes the new token a password change answers with, and forgets it after signing out everywhere", async () => {
    const calls = stubApi({
      "GET /v1/admin/session": () => ok({ ...fakeSession(), csrfToken: "token-1" }),
      "PUT /v1/admin/account/password": () => ok({ otherSessionsEnded: 2, csrfToken: "token-2" }),
      "POST /v1/thing": () => ok({ csrfToken: "not-a-session-token" }),
      "DELETE /v1/admin/account/sessions": () => ok({ sessionsEnded: 1 }),
    });
    await apiRequest("/v1/admin/session");
    await apiRequest("/v1/admin/account/password", { method: "PUT", body: {} });
    await apiRequest("/v1/thing", { method: "POST", body: {} });
    await apiRequest("/v1/thing", { method: "POST", body: {} });
    await apiRequest("/v1/admin/account/sessions", { method: "DELETE" });
    await apiRequest("/v1/thing", { method: "POST", body: {} });
    const sent = calls.map((c) => (c.init.headers as Record<string, string>)["X-CSRF-Token"]);
    expect(sent).toEqual([undefined, "token-1", "token-2", "token-2", "token-2", undefined]);
  });

  it("takes the token of the session another tab's password change started, and sends the write once more", async () => {
    let token = "token-1";
    const calls = stubApi({
      "GET /v1/admin/session": () => ok({ ...fakeSession(), csrfToken: token }),
      "POST /v1/thing": (call) =>
        (call.init.headers as Record<string, string>)["X-CSRF-Token"] === token
          ? ok({ done: true })
          : apiError(403, "CSRF_TOKEN_INVALID", "Send the session's CSRF token"),
    });
    await apiRequest("/v1/admin/session");
    // Another tab of this browser changed the password: the shared cookie names a new session.
    token = "token-2";
    await expect(apiRequest("/v1/thing", { method: "POST", body: {} })).resolves.toEqual({
      done: true,
    });
    const sent = calls.map((c) => (c.init.headers as Record<string, string>)["X-CSRF-Token"]);
    expect(sent).toEqual([undefined, "token-1", undefined, "token-2"]);
  });

  it("sends a refused write once more only, and never retries a read or a sign-in", async () => {
    const calls = stubApi({
      "GET /v1/admin/session": () => ok({ ...fakeSession(), csrfToken: "token-1" }),
      "POST /v1/thing": () => apiError(403, "CSRF_TOKEN_INVALID", "Send the session's CSRF token"),
      "GET /v1/thing": () => apiError(403, "CSRF_TOKEN_INVALID", "Send the session's CSRF token"),
      "POST /v1/admin/session": () =>
        apiError(403, "CSRF_TOKEN_INVALID", "Send the session's CSRF token"),
    });
    await apiRequest("/v1/admin/session");
    const refused = { status: 403, code: "CSRF_TOKEN_INVALID" };
    await expect(apiRequest("/v1/thing", { method: "POST", body: {} })).rejects.toMatchObject(
      refused,
    );
    await expect(apiRequest("/v1/thing")).rejects.toMatchObject(refused);
    await expect(
      apiRequest("/v1/admin/session", { method: "POST", body: {} }),
    ).rejects.toMatchObject(refused);
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      "GET /v1/admin/session",
      "POST /v1/thing",
      "GET /v1/admin/session",
      "POST /v1/thing",
      "GET /v1/thing",
      "POST /v1/admin/session",
    ]);
  });
});

describe("apiRequest error wording", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("words a known code that came without a message", async () => {
    stubApi({
      "POST /v1/admin/session": () => ({
        status: 429,
        body: { error: { code: "TOO_MANY_ATTEMPTS" } },
      }),
    });

    await expect(
      apiRequest("/v1/admin/session", { method: "POST", body: {} }),
    ).rejects.toMatchObject({
      status: 429,
      code: "TOO_MANY_ATTEMPTS",
      message: "Too many sign-in attempts. Please wait a few minutes and try again.",
    });
  });
});
