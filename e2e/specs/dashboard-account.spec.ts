import { randomBytes } from "node:crypto";
import type { CreatedInvitation } from "@assent/core";
import { createSite, openDashboard } from "../fixtures/dashboard";
import { expect, test } from "../fixtures/test";
import { HOSTS } from "../fixtures/topology";

/**
 * A person's own account, in two browsers at once: changing the password in one ends the
 * session in the other, which must then sign in with the new password; another tab of the
 * browser that changed it goes on with the new session (its writes too). The person is a member
 * made for this test (never the seeded owner every other spec signs in as), so it is safe beside
 * them on any worker.
 */
test("a password changed in one browser signs the other out, and only the new password signs in", async ({
  admin,
  browser,
}) => {
  // Six sign-ins and a password change, each a deliberately slow hash: a long test.
  test.setTimeout(90_000);
  const key = await createSite(admin, "account");
  const person = { email: `account-${key}@e2e.test`, password: randomBytes(12).toString("hex") };
  const { token } = await admin.post<CreatedInvitation>(`/v1/admin/sites/${key}/members`, {
    email: person.email,
    role: "viewer",
  });
  const accepted = await admin.request.post("/v1/admin/invitations/accept", {
    data: { token, password: person.password },
  });
  expect(accepted.ok(), await accepted.text()).toBe(true);

  const here = await browser.newContext();
  const elsewhere = await browser.newContext();
  const a = await here.newPage();
  const b = await elsewhere.newPage();
  await openDashboard(a, key, "records", person);
  await openDashboard(b, key, "records", person);
  // A second tab of browser A, open on the account before the password changes: it shares the
  // session cookie, and holds the CSRF token of the session the change replaces.
  const aTab = await here.newPage();
  await aTab.goto(a.url());
  await aTab.getByRole("banner").getByRole("link", { name: "Account" }).click();
  await expect(aTab.getByRole("heading", { level: 1 })).toHaveText("Your account");
  const sessionCookie = async () =>
    (await here.cookies()).find((cookie) => cookie.name === "assent_session");
  const before = await sessionCookie();

  // Browser A: the account, from the header; the password changed through the form.
  await a.getByRole("banner").getByRole("link", { name: "Account" }).click();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expect(a.getByTestId("open-sessions")).toHaveText(
    "You have 2 open sessions, this one included.",
  );
  const newPassword = randomBytes(12).toString("hex");
  await a.getByLabel("Current password").fill(person.password);
  await a.getByLabel("New password", { exact: true }).fill(newPassword);
  await a.getByLabel("Confirm the new password").fill(newPassword);
  await a.getByRole("button", { name: "Change password" }).click();
  await expect(
    a.getByText("Your password has been changed. Your 1 other session was signed out."),
  ).toBeVisible();
  await expect(a.getByTestId("open-sessions")).toHaveText("This is your only open session.");
  // A keeps going on a new session: a new Secure, HttpOnly cookie from the API through Caddy.
  const after = await sessionCookie();
  expect(after?.value).not.toBe(before?.value);
  expect(after).toMatchObject({ domain: HOSTS.consent, secure: true, httpOnly: true });

  // Browser B: its next action finds its session ended.
  await b
    .getByRole("navigation", { name: "Sections" })
    .getByRole("link", { name: "Users" })
    .click();
  await expect(b.getByText("Your session has ended; please sign in again")).toBeVisible();
  await expect(b.getByLabel("Email")).toHaveValue(person.email);
  await b.getByLabel("Password").fill(person.password);
  await b.getByRole("button", { name: "Sign in" }).click();
  await expect(b.getByRole("alert")).toHaveText("That email and password do not match an account");
  await b.getByLabel("Password").fill(newPassword);
  await b.getByRole("button", { name: "Sign in" }).click();
  await expect(b.getByRole("heading", { level: 1 })).toHaveText("Dashboard account: Users");

  // Browser A signs out of every session from its other tab, opened before the change: its
  // write is refused for the old CSRF token, and sent again with the new session's.
  await aTab.getByRole("button", { name: "Sign out of every session" }).click();
  await aTab.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(aTab.getByText("You have signed out of every session")).toBeVisible();
  expect(await sessionCookie()).toBeUndefined();
  await b
    .getByRole("navigation", { name: "Sections" })
    .getByRole("link", { name: "Records" })
    .click();
  await expect(b.getByText("Your session has ended; please sign in again")).toBeVisible();

  await here.close();
  await elsewhere.close();
});
