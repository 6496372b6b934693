import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../app";
import { apiError, fakeReceipt, fakeSession, ok, stubApi } from "../testing/fake-api";

const TOKEN = "T".repeat(43);
const DETAILS = {
  site: { key: "example-union", name: "Example Union" },
  email: "dpo@example.org",
  role: "viewer",
  expiresAt: "2026-01-12T00:00:00.000Z",
};

beforeEach(() => {
  history.replaceState(null, "", `/admin/?view=records#invitation=${TOKEN}`);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("an invitation link", () => {
  it("shows the invitation, accepts it with one password, signs in and forgets the token", async () => {
    const calls = stubApi({
      "POST /v1/admin/invitations/inspect": () => ok(DETAILS),
      "POST /v1/admin/invitations/accept": () =>
        ok({ email: DETAILS.email, site: { ...DETAILS.site, role: "viewer" } }),
      "POST /v1/admin/session": () => ok(fakeSession()),
      "GET /v1/admin/receipts": () => ok({ items: [fakeReceipt()], nextCursor: null }),
    });
    render(<App />);

    expect(await screen.findByRole("heading", { name: "Join Example Union" })).toBeTruthy();
    expect(screen.getByText("dpo@example.org")).toBeTruthy();
    // One form for everyone: it does not know whether the address has an account.
    expect(screen.getByText(/If you already have an account for this address/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText("Password"), {
      target: { value: "a long enough password" },
    });
    fireEvent.submit(screen.getByLabelText("Password").closest("form") as Element);

    await screen.findByRole("table", { name: "Consent records" });
    expect(calls.find((c) => c.url.pathname.endsWith("/accept"))?.body).toEqual({
      token: TOKEN,
      password: "a long enough password",
    });
    expect(calls.find((c) => c.url.pathname === "/v1/admin/session")?.body).toEqual({
      email: "dpo@example.org",
      password: "a long enough password",
    });
    expect(calls.some((c) => c.method === "GET" && c.url.pathname === "/v1/admin/session")).toBe(
      false,
    );
    expect(location.hash).toBe("");
  });

  it("says when an invitation can no longer be used, and leads to sign-in", async () => {
    stubApi({
      "POST /v1/admin/invitations/inspect": () =>
        apiError(404, "INVITATION_NOT_FOUND", "This invitation is unknown, already used."),
      "GET /v1/admin/session": () => apiError(401, "UNAUTHENTICATED", "Sign in first."),
    });
    render(<App />);
    expect(await screen.findByText("This invitation is unknown, already used.")).toBeTruthy();
    expect(screen.queryByLabelText("Password")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Go to sign-in" }));
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeTruthy();
    expect(location.hash).toBe("");
  });
});
