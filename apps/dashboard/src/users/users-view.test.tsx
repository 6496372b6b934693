import { cleanup, fireEvent, screen, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ok, stubApi } from "../testing/fake-api";
import { renderInSite } from "../testing/render-in-site";
import { UsersView } from "./users-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const MEMBERS = [
  { userId: 1, email: "dpo@example.org", name: "DPO", role: "owner" },
  { userId: 2, email: "clerk@example.org", name: "Clerk", role: "viewer" },
];

describe("UsersView", () => {
  it("lets an owner add a user and change a role", async () => {
    const calls = stubApi({
      "GET /v1/admin/sites/example-union/members": () => ok({ members: MEMBERS }),
      "POST /v1/admin/sites/example-union/members": (call) => ok(call.body),
      "PATCH /v1/admin/sites/example-union/members/2": (call) => ok(call.body),
    });
    renderInSite(<UsersView />, "owner");

    const role = await screen.findByLabelText("Role of clerk@example.org");
    // The owner cannot demote themself from here.
    expect(screen.queryByLabelText("Role of dpo@example.org")).toBeNull();
    fireEvent.change(role, { target: { value: "admin" } });
    expect(await screen.findByText("clerk@example.org is now admin.")).toBeTruthy();
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({ role: "admin" });

    fireEvent.input(screen.getByLabelText("Email"), { target: { value: "new@example.org" } });
    fireEvent.input(screen.getByLabelText("Password for a new account"), {
      target: { value: "a long enough password" },
    });
    fireEvent.submit(screen.getByRole("button", { name: "Add user" }).closest("form") as Element);
    expect(await screen.findByText("Added new@example.org.")).toBeTruthy();
    expect(calls.find((c) => c.method === "POST")?.body).toMatchObject({
      email: "new@example.org",
      role: "viewer",
      password: "a long enough password",
    });
  });

  it("is a plain list for a viewer", async () => {
    stubApi({ "GET /v1/admin/sites/example-union/members": () => ok({ members: MEMBERS }) });
    renderInSite(<UsersView />, "viewer");
    const table = await screen.findByRole("table", { name: "Users of this site" });
    expect(within(table).getAllByRole("row")).toHaveLength(3);
    expect(screen.queryByRole("combobox")).toBeNull();
    expect(screen.queryByRole("button", { name: "Add user" })).toBeNull();
  });
});
