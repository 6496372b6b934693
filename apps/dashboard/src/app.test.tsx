import { cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App, SESSION_ENDED_NOTICE, SIGNED_OUT_EVERYWHERE_NOTICE, SIGNED_OUT_NOTICE } from "./app";
import { apiError, fakeReceipt, fakeSession, ok, stubApi } from "./testing/fake-api";

beforeEach(() => {
  history.replaceState(null, "", "/admin/?view=records");
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TWO_SITES = fakeSession({
  sites: [
    { key: "example-union", name: "Example Union", role: "owner" },
    { key: "members-app", name: "Members App", role: "viewer" },
  ],
});

const unauthenticated = () => apiError(401, "UNAUTHENTICATED", "Sign in first.");
const noReceipts = () => ok({ items: [], nextCursor: null });

describe("App", () => {
  it("shows the sign-in form when nobody is signed in, then the records", async () => {
    stubApi({
      "GET /v1/admin/session": unauthenticated,
      "POST /v1/admin/session": () => ok(fakeSession()),
      "GET /v1/admin/receipts": () => ok({ items: [fakeReceipt()], nextCursor: null }),
    });
    render(<App />);

    fireEvent.input(await screen.findByLabelText("Email"), {
      target: { value: "dpo@example.org" },
    });
    fireEvent.input(screen.getByLabelText("Password"), { target: { value: "secret" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));

    await screen.findByRole("table", { name: "Consent records" });
    const header = screen.getByRole("banner");
    expect(within(header).getByText("Assent")).toBeTruthy();
    expect(within(header).getByText("dpo@example.org")).toBeTruthy();
    expect(within(header).getByRole("button", { name: "Sign out" })).toBeTruthy();
    expect(within(header).queryByLabelText("Site")).toBeNull();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Example Union: Records");
  });

  it("goes back to sign-in with a message when the session ends", async () => {
    stubApi({
      "GET /v1/admin/session": () => ok(fakeSession()),
      "GET /v1/admin/receipts": unauthenticated,
    });
    render(<App />);

    expect(await screen.findByText(SESSION_ENDED_NOTICE)).toBeTruthy();
    expect((screen.getByLabelText("Email") as HTMLInputElement).value).toBe("dpo@example.org");
    expect(screen.getByRole("button", { name: "Sign in" })).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("switches site from the picker and remembers it in the address", async () => {
    const calls = stubApi({
      "GET /v1/admin/session": () => ok(TWO_SITES),
      "GET /v1/admin/receipts": noReceipts,
    });
    render(<App />);

    const picker = await screen.findByLabelText("Site");
    await screen.findByText("No consent records match.");
    fireEvent.change(picker, { target: { value: "members-app" } });

    await vi.waitFor(() => expect(calls.at(-1)?.url.searchParams.get("site")).toBe("members-app"));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Members App: Records");
    expect(new URLSearchParams(location.search).get("site")).toBe("members-app");
  });

  it("opens the site named in the address when the user may see it", async () => {
    history.replaceState(null, "", "/admin/?site=members-app&view=records");
    const calls = stubApi({
      "GET /v1/admin/session": () => ok(TWO_SITES),
      "GET /v1/admin/receipts": noReceipts,
    });
    render(<App />);

    await screen.findByText("No consent records match.");
    expect(calls.at(-1)?.url.searchParams.get("site")).toBe("members-app");
  });

  it("signs out with DELETE and shows the sign-in form", async () => {
    const calls = stubApi({
      "GET /v1/admin/session": () => ok(fakeSession()),
      "DELETE /v1/admin/session": () => ({ status: 204 }),
      "GET /v1/admin/receipts": noReceipts,
    });
    render(<App />);

    fireEvent.click(await screen.findByRole("button", { name: "Sign out" }));

    expect(await screen.findByText(SIGNED_OUT_NOTICE)).toBeTruthy();
    expect(calls.some((call) => call.method === "DELETE")).toBe(true);
    expect(screen.getByLabelText("Password")).toBeTruthy();
  });

  it("opens the account from the header, and shows sign-in after signing out everywhere", async () => {
    const calls = stubApi({
      "GET /v1/admin/session": () => ok(fakeSession()),
      "GET /v1/admin/receipts": noReceipts,
      "GET /v1/admin/account/sessions": () => ok({ sessions: [] }),
      "DELETE /v1/admin/account/sessions": () => ok({ sessionsEnded: 3 }),
    });
    render(<App />);

    const header = await screen.findByRole("banner");
    fireEvent.click(within(header).getByRole("link", { name: "Account" }));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Your account");
    expect(within(header).getByRole("link", { name: "Account" }).getAttribute("aria-current")).toBe(
      "page",
    );
    expect(new URLSearchParams(location.search).get("view")).toBe("account");
    const nav = screen.getByRole("navigation", { name: "Sections" });
    expect(nav.querySelector("[aria-current]")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Sign out of every session" }));
    fireEvent.click(screen.getByRole("button", { name: "Sign out everywhere" }));

    expect(await screen.findByText(SIGNED_OUT_EVERYWHERE_NOTICE)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Sign in" })).toBeTruthy();
    expect(calls.some((c) => c.method === "DELETE" && c.url.pathname.endsWith("/sessions"))).toBe(
      true,
    );
  });

  it("comes back to the account view named in the address", async () => {
    history.replaceState(null, "", "/admin/?site=example-union&view=account");
    stubApi({
      "GET /v1/admin/session": () => ok(fakeSession()),
      "GET /v1/admin/account/sessions": () => ok({ sessions: [] }),
    });
    render(<App />);
    expect(await screen.findByRole("form", { name: "Change your password" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Your account");
  });

  it("shows only the sections a viewer may open", async () => {
    stubApi({
      "GET /v1/admin/session": () => ok(TWO_SITES),
      "GET /v1/admin/receipts": noReceipts,
    });
    history.replaceState(null, "", "/admin/?site=members-app&view=records");
    render(<App />);

    const nav = await screen.findByRole("navigation", { name: "Sections" });
    const links = within(nav)
      .getAllByRole("link")
      .map((a) => a.textContent);
    expect(links).not.toContain("Audit log");
    expect(links).toContain("Records");
    expect(within(nav).getByRole("link", { name: "Records" }).getAttribute("aria-current")).toBe(
      "page",
    );
  });

  it("offers to try again when the API cannot be reached", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    render(<App />);

    expect((await screen.findByRole("alert")).textContent).toMatch(/Could not reach the server/);
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});
