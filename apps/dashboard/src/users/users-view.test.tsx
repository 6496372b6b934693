import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ok, stubApi } from "../testing/fake-api";
import { renderInSite } from "../testing/render-in-site";
import { UsersView } from "./users-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const LINK = `http://admin.test/admin/#invitation=${"T".repeat(43)}`;
const MEMBERS = [
  { userId: 1, email: "dpo@example.org", name: "DPO", role: "owner" },
  { userId: 2, email: "clerk@example.org", name: "Clerk", role: "viewer" },
];

describe("UsersView", () => {
  it("lets an owner change a role, invite an address and see the one-time link", async () => {
    const invitation = {
      id: 7,
      email: "new@example.org",
      role: "viewer",
      invitedBy: "dpo@example.org",
      createdAt: "2026-01-05T00:00:00.000Z",
      expiresAt: "2026-01-12T00:00:00.000Z",
    };
    let invitations: unknown[] = [];
    const calls = stubApi({
      "GET /v1/admin/sites/example-union/members": () => ok({ members: MEMBERS, invitations }),
      "POST /v1/admin/sites/example-union/members": () => {
        invitations = [invitation];
        return {
          status: 201,
          body: { ...invitation, token: "T".repeat(43), acceptUrl: LINK },
        };
      },
      "PATCH /v1/admin/sites/example-union/members/2": (call) => ok(call.body),
      "DELETE /v1/admin/sites/example-union/invitations/7": () => {
        invitations = [];
        return { status: 204 };
      },
    });
    renderInSite(<UsersView />, "owner");

    const role = await screen.findByLabelText("Role of clerk@example.org");
    // The owner cannot demote themself from here.
    expect(screen.queryByLabelText("Role of dpo@example.org")).toBeNull();
    fireEvent.change(role, { target: { value: "admin" } });
    expect(await screen.findByText("clerk@example.org is now admin.")).toBeTruthy();
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({ role: "admin" });

    // No password field: the invited person chooses it; the form cannot tell new from known.
    expect(screen.queryByLabelText(/password/i)).toBeNull();
    fireEvent.input(screen.getByLabelText("Email"), { target: { value: "new@example.org" } });
    fireEvent.submit(screen.getByRole("button", { name: "Invite" }).closest("form") as Element);
    expect((await screen.findByTestId("invitation-link")).textContent).toBe(LINK);
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({
      email: "new@example.org",
      role: "viewer",
    });
    const pending = await screen.findByRole("table", { name: "Invitations not yet accepted" });
    expect(within(pending).getByText("new@example.org")).toBeTruthy();
    fireEvent.click(
      screen.getByRole("button", { name: "Revoke the invitation of new@example.org" }),
    );
    expect(await screen.findByText("Revoked the invitation of new@example.org.")).toBeTruthy();
    await waitFor(() =>
      expect(screen.queryByRole("table", { name: "Invitations not yet accepted" })).toBeNull(),
    );
  });

  it("is a plain list for a viewer", async () => {
    stubApi({
      "GET /v1/admin/sites/example-union/members": () => ok({ members: MEMBERS, invitations: [] }),
    });
    renderInSite(<UsersView />, "viewer");
    const table = await screen.findByRole("table", { name: "Users of this site" });
    expect(within(table).getAllByRole("row")).toHaveLength(3);
    expect(screen.queryByRole("combobox")).toBeNull();
    expect(screen.queryByRole("button", { name: "Invite" })).toBeNull();
  });
});
