import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiError, ok, stubApi } from "../testing/fake-api";
import { renderInSite } from "../testing/render-in-site";
import { AccountView } from "./account-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SESSION = (current: boolean, createdAt: string) => ({
  createdAt,
  lastSeenAt: createdAt,
  expiresAt: "2026-03-02T20:00:00.000Z",
  current,
});
const TWO_SESSIONS = [
  SESSION(true, "2026-03-02T09:00:00.000Z"),
  SESSION(false, "2026-03-01T08:00:00.000Z"),
];

function fillIn(current: string, next: string, confirmation = next) {
  fireEvent.input(screen.getByLabelText("Current password"), { target: { value: current } });
  fireEvent.input(screen.getByLabelText("New password"), { target: { value: next } });
  fireEvent.input(screen.getByLabelText("Confirm the new password"), {
    target: { value: confirmation },
  });
  fireEvent.submit(screen.getByRole("button", { name: "Change password" }).closest("form")!);
}

describe("AccountView: the password", () => {
  it("offers the fields password managers understand", async () => {
    stubApi({ "GET /v1/admin/account/sessions": () => ok({ sessions: TWO_SESSIONS }) });
    renderInSite(<AccountView onSignedOutEverywhere={vi.fn()} />);
    const form = screen.getByRole("form", { name: "Change your password" });
    const auto = (label: string) => screen.getByLabelText(label).getAttribute("autocomplete");
    expect(auto("Current password")).toBe("current-password");
    expect(auto("New password")).toBe("new-password");
    expect(auto("Confirm the new password")).toBe("new-password");
    const username = form.querySelector("input[autocomplete=username]") as HTMLInputElement;
    expect(username.value).toBe("dpo@example.org");
    expect(screen.getByLabelText("New password").getAttribute("minlength")).toBe("12");
  });

  it("sends the current and the new password, clears the form and says what it ended", async () => {
    let sessions = TWO_SESSIONS;
    const calls = stubApi({
      "GET /v1/admin/account/sessions": () => ok({ sessions }),
      "PUT /v1/admin/account/password": () => {
        sessions = [TWO_SESSIONS[0]!];
        return ok({ otherSessionsEnded: 1, tokensRevoked: 2, csrfToken: "new-token" });
      },
    });
    renderInSite(<AccountView onSignedOutEverywhere={vi.fn()} />);
    expect((await screen.findByTestId("open-sessions")).textContent).toBe(
      "You have 2 open sessions, this one included.",
    );

    fillIn("the old password", "a long new password");

    expect(
      await screen.findByText(
        "Your password has been changed. Your 1 other session was signed out. Your 2 API tokens were revoked: make new ones where you need them.",
      ),
    ).toBeTruthy();
    expect(calls.find((c) => c.method === "PUT")?.body).toEqual({
      currentPassword: "the old password",
      newPassword: "a long new password",
    });
    expect((screen.getByLabelText("Current password") as HTMLInputElement).value).toBe("");
    expect((screen.getByLabelText("New password") as HTMLInputElement).value).toBe("");
    // The list is read again: only this session is left.
    await waitFor(() =>
      expect(screen.getByTestId("open-sessions").textContent).toBe(
        "This is your only open session.",
      ),
    );
    for (const alert of screen.getAllByRole("alert")) expect(alert.textContent).toBe("");
  });

  it("catches a mistyped confirmation, or an unchanged password, before sending anything", async () => {
    const calls = stubApi({ "GET /v1/admin/account/sessions": () => ok({ sessions: [] }) });
    renderInSite(<AccountView onSignedOutEverywhere={vi.fn()} />);

    fillIn("the old password", "a long new password", "a long new passwort");
    expect(screen.getAllByRole("alert")[0]?.textContent).toBe(
      "The new password and its confirmation are not the same.",
    );
    expect(document.activeElement).toBe(screen.getByLabelText("Confirm the new password"));

    fillIn("the old password", "the old password");
    expect(screen.getAllByRole("alert")[0]?.textContent).toBe(
      "Choose a new password, not the current one.",
    );
    expect(calls.filter((c) => c.method === "PUT")).toHaveLength(0);
  });

  it("shows a wrong current password in the alert region and puts the cursor back there", async () => {
    stubApi({
      "GET /v1/admin/account/sessions": () => ok({ sessions: TWO_SESSIONS }),
      "PUT /v1/admin/account/password": () =>
        apiError(403, "WRONG_PASSWORD", "That is not your current password"),
    });
    const { context } = renderInSite(<AccountView onSignedOutEverywhere={vi.fn()} />);

    fillIn("a guess", "a long new password");

    const form = screen.getByRole("form", { name: "Change your password" });
    await waitFor(() =>
      expect(within(form).getByRole("alert").textContent).toBe("That is not your current password"),
    );
    expect(document.activeElement).toBe(screen.getByLabelText("Current password"));
    expect(screen.queryByText(/has been changed/)).toBeNull();
    expect(context.onSessionEnded).not.toHaveBeenCalled();
  });

  it("shows the API's words for a weak password and for too many attempts", async () => {
    const answers = [
      apiError(400, "INVALID_BODY", "newPassword: must be at least 12 characters"),
      apiError(429, "TOO_MANY_ATTEMPTS", "Too many wrong passwords; try again later"),
    ];
    stubApi({
      "GET /v1/admin/account/sessions": () => ok({ sessions: [] }),
      "PUT /v1/admin/account/password": () => answers.shift()!,
    });
    renderInSite(<AccountView onSignedOutEverywhere={vi.fn()} />);
    const form = screen.getByRole("form", { name: "Change your password" });

    fillIn("the old password", "short but ok");
    await waitFor(() =>
      expect(within(form).getByRole("alert").textContent).toBe(
        "newPassword: must be at least 12 characters",
      ),
    );
    fillIn("the old password", "a long new password");
    await waitFor(() =>
      expect(within(form).getByRole("alert").textContent).toBe(
        "Too many wrong passwords; try again later",
      ),
    );
  });
});

describe("AccountView: sessions", () => {
  it("lists the open sessions, this one marked", async () => {
    stubApi({ "GET /v1/admin/account/sessions": () => ok({ sessions: TWO_SESSIONS }) });
    renderInSite(<AccountView onSignedOutEverywhere={vi.fn()} />);
    const table = await screen.findByRole("table", { name: "Your open sessions" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain("(this session)");
    expect(rows[1]?.textContent).not.toContain("(this session)");
  });

  it("signs out of every session only once confirmed", async () => {
    const calls = stubApi({
      "GET /v1/admin/account/sessions": () => ok({ sessions: TWO_SESSIONS }),
      "DELETE /v1/admin/account/sessions": () => ok({ sessionsEnded: 2, tokensRevoked: 0 }),
    });
    const onSignedOutEverywhere = vi.fn();
    renderInSite(<AccountView onSignedOutEverywhere={onSignedOutEverywhere} />);

    fireEvent.click(await screen.findByRole("button", { name: "Sign out of every session" }));
    const dialog = screen.getByRole("dialog", { name: "Sign out of every session?" });
    expect(dialog.textContent).toContain("dpo@example.org");
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(calls.filter((c) => c.method === "DELETE")).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "Sign out of every session" }));
    fireEvent.click(screen.getByRole("button", { name: "Sign out everywhere" }));
    await waitFor(() => expect(onSignedOutEverywhere).toHaveBeenCalledTimes(1));
    expect(calls.filter((c) => c.method === "DELETE")).toHaveLength(1);
  });

  it("keeps the person here with the error when signing out everywhere fails", async () => {
    stubApi({
      "GET /v1/admin/account/sessions": () => ok({ sessions: TWO_SESSIONS }),
      "DELETE /v1/admin/account/sessions": () =>
        apiError(503, "DATABASE_BUSY", "The database is busy; nothing was changed."),
    });
    const onSignedOutEverywhere = vi.fn();
    renderInSite(<AccountView onSignedOutEverywhere={onSignedOutEverywhere} />);
    fireEvent.click(await screen.findByRole("button", { name: "Sign out of every session" }));
    fireEvent.click(screen.getByRole("button", { name: "Sign out everywhere" }));
    const section = screen.getByRole("region", { name: "Where you are signed in" });
    await waitFor(() =>
      expect(within(section).getAllByRole("alert")[0]?.textContent).toBe(
        "The database is busy; nothing was changed.",
      ),
    );
    expect(onSignedOutEverywhere).not.toHaveBeenCalled();
  });
});
