import { randomBytes } from "node:crypto";
import { ADMIN } from "../fixtures/admin";
import { createSite, openDashboard } from "../fixtures/dashboard";
import { expect, test } from "../fixtures/test";

test("sign in, sign out, and a session that ends sends the user back to sign in", async ({
  page,
  context,
  admin,
}) => {
  const key = await createSite(admin, "session");
  await openDashboard(page, key, "records");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard session: Records");

  await context.clearCookies();
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByText("Your session has ended; please sign in again")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(ADMIN.email);
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard session: Users");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("owners create sites and manage users; a viewer sees a read-only dashboard", async ({
  page,
  browser,
}) => {
  // Three people sign in (three full password hashes) and a site is created: a long test.
  test.setTimeout(60_000);
  await openDashboard(page, "none", "sites");
  const key = `dash-ui-${randomBytes(4).toString("hex")}`;
  await page.getByLabel("Name").fill("Dashboard UI Union");
  await page.getByLabel("Site key").fill(key);
  await page.getByRole("button", { name: "Add site" }).click();
  // Creating a site makes its signing key and first config, then reloads the session: allow
  // for a busy machine.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Dashboard UI Union: Site settings",
    { timeout: 15_000 },
  );

  await page.getByRole("link", { name: "Users" }).click();
  const viewer = { email: `viewer-${key}@e2e.test`, password: randomBytes(12).toString("hex") };
  await page.getByLabel("Email").fill(viewer.email);
  await page.getByLabel("Role", { exact: true }).selectOption("admin");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = (await page.getByTestId("invitation-link").textContent()) ?? "";
  expect(link).toMatch(/\/admin\/#invitation=/);

  // The invitee opens the link (a fresh browser), chooses a password, and is signed in.
  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link);
  await inviteePage.getByLabel("Password").fill(viewer.password);
  await inviteePage.getByRole("button", { name: "Join Dashboard UI Union" }).click();
  await expect(inviteePage.getByRole("button", { name: "Sign out" })).toBeVisible();
  await invitee.close();

  await page.reload();
  await page.getByLabel(`Role of ${viewer.email}`).selectOption("viewer");
  await expect(page.getByText(`${viewer.email} is now viewer.`)).toBeVisible();

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.locator("tbody")).toContainText("member.");

  const other = await browser.newContext();
  const viewerPage = await other.newPage();
  await openDashboard(viewerPage, key, "settings", viewer);
  const nav = viewerPage.getByRole("navigation", { name: "Sections" });
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Publish" })).toBeDisabled();
  await expect(viewerPage.getByRole("button", { name: "Bump policy version" })).toHaveCount(0);
  await nav.getByRole("link", { name: "Users" }).click();
  await expect(viewerPage.getByRole("button", { name: "Invite" })).toHaveCount(0);
  await expect(viewerPage.getByRole("row", { name: new RegExp(viewer.email) })).toContainText(
    "viewer",
  );
  await other.close();
});
