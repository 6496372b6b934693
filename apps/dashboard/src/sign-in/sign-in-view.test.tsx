import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiError, fakeSession, ok, stubApi } from "../testing/fake-api";
import { SignInView } from "./sign-in-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function fillIn(email: string, password: string) {
  fireEvent.input(screen.getByLabelText("Email"), { target: { value: email } });
  fireEvent.input(screen.getByLabelText("Password"), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("SignInView", () => {
  it("posts the credentials as JSON and hands over the session", async () => {
    const session = fakeSession();
    const calls = stubApi({ "POST /v1/admin/session": () => ok(session) });
    const onSignedIn = vi.fn();
    render(<SignInView onSignedIn={onSignedIn} />);

    fillIn(" dpo@example.org ", "correct horse");

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(session));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toEqual({ email: "dpo@example.org", password: "correct horse" });
    expect(calls[0]?.init.headers).toMatchObject({ "Content-Type": "application/json" });
    expect(screen.getByRole("alert").textContent).toBe("");
  });

  it("shows the API's error message in the alert region", async () => {
    stubApi({
      "POST /v1/admin/session": () =>
        apiError(401, "INVALID_CREDENTIALS", "Wrong email or password."),
    });
    const onSignedIn = vi.fn();
    render(<SignInView onSignedIn={onSignedIn} />);

    fillIn("dpo@example.org", "wrong");

    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe("Wrong email or password."),
    );
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByLabelText("Password"));
  });

  it("explains rate limiting even when the API sends only a code", async () => {
    stubApi({
      "POST /v1/admin/session": () => ({
        status: 429,
        body: { error: { code: "TOO_MANY_ATTEMPTS" } },
      }),
    });
    render(<SignInView onSignedIn={vi.fn()} />);

    fillIn("dpo@example.org", "guess");

    expect(await screen.findByText(/Too many sign-in attempts/)).toBe(screen.getByRole("alert"));
  });

  it("fills in the email of a session that ended and puts focus on the password", () => {
    render(
      <SignInView
        onSignedIn={vi.fn()}
        notice="Your session has ended; please sign in again"
        email="dpo@example.org"
      />,
    );

    expect((screen.getByLabelText("Email") as HTMLInputElement).value).toBe("dpo@example.org");
    const password = screen.getByLabelText("Password");
    expect(document.activeElement).toBe(password);
    expect(password.getAttribute("aria-describedby")).toBe("sign-in-notice");
  });

  it("reads out why the user was signed out with the email field", () => {
    render(
      <SignInView onSignedIn={vi.fn()} notice="Your session has ended; please sign in again" />,
    );

    const email = screen.getByLabelText("Email");
    expect(document.activeElement).toBe(email);
    expect(email.getAttribute("aria-describedby")).toBe(
      screen.getByRole("status").getAttribute("id"),
    );
    expect(screen.getByRole("status").textContent).toBe(
      "Your session has ended; please sign in again",
    );
  });
});
