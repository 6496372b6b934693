import { createSite, openDashboard } from "../fixtures/dashboard";
import { decisionApplied } from "../fixtures/loader";
import { openSitePage, servedAsPublished } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { consentOrigin } from "../fixtures/topology";
import { bannerOf } from "../fixtures/ui";

/**
 * Each test works on a site of its own, created through the admin API: a policy bump or a new
 * banner title there cannot reach the demo site, which other specs use at the same time.
 */
test("texts, theme and services edited with a live preview, published to the visitor's banner", async ({
  page,
  browser,
  admin,
}) => {
  const key = await createSite(admin, "settings");
  await openDashboard(page, key, "settings");

  const preview = page.getByTestId("banner-preview");
  await expect(preview).toContainText("Cookies on this site");
  await page.getByLabel("Title").fill("Cookies at the Dashboard Union");
  await expect(preview).toContainText("Cookies at the Dashboard Union");
  await page.getByLabel("Theme").selectOption("dark");
  await expect(preview).toHaveAttribute("data-theme", "dark");
  await page.getByLabel("Position").selectOption("box");
  await expect(preview).toHaveAttribute("data-position", "box");

  await page.getByLabel("Service id").fill("youtube");
  await expect(page.getByLabel("in category")).toHaveValue("embeds");
  await page.getByRole("button", { name: "Add service" }).click();
  await expect(page.getByRole("button", { name: "Remove service youtube" })).toBeVisible();
  await page.getByLabel("Privacy policy URL").fill("/privacy.html");

  // The compliance check's warnings (a policy given as a path, ...) are acknowledged one by one.
  const warnings = page.getByRole("list", { name: "Warnings" }).getByRole("checkbox");
  for (const box of await warnings.all()) await box.check();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(/Published as version 2/)).toBeVisible();

  await expect(page.getByTestId("embed-snippet")).toHaveText(
    `<script src="${consentOrigin()}/s/${key}.js"></script>`,
  );

  // What the other instance cached is let go of within its bound.
  await servedAsPublished(admin, key);
  const visitor = await browser.newContext();
  const visit = await visitor.newPage();
  await openSitePage(visit, key);
  await expect(bannerOf(visit, "Cookies at the Dashboard Union")).toBeVisible();
  await visitor.close();
});

test("a policy-version bump, explained and confirmed, makes the site ask the visitor again", async ({
  page,
  browser,
  admin,
}) => {
  const key = await createSite(admin, "bump");

  const first = await browser.newContext();
  const visit = await first.newPage();
  await openSitePage(visit, key);
  const receipt = visit.waitForResponse((r) => r.url().endsWith("/v1/receipts"));
  await bannerOf(visit).getByRole("button", { name: "Accept all" }).click();
  await receipt;
  await visit.reload();
  await decisionApplied(visit);
  await expect(bannerOf(visit)).toBeHidden();

  await openDashboard(page, key, "settings");
  await expect(page.getByTestId("policy-version")).toHaveText("1");
  await expect(page.getByText(/they will see the banner again/)).toBeVisible();
  await page.getByRole("button", { name: "Bump policy version" }).click();
  const dialog = page.getByRole("dialog", { name: "Ask every visitor again?" });
  // Nothing visitors see changed since the site was created: the server asks why, and the
  // dialog stays open for the reason, which the audit log keeps.
  await dialog.getByRole("button", { name: "Bump and ask again" }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    "Nothing visitors are shown or asked has changed",
  );
  await dialog.getByLabel("Why ask everyone again?").fill("Our privacy policy changed.");
  await dialog.getByRole("button", { name: "Bump and ask again" }).click();
  await expect(page.getByText(/Policy version is now 2/)).toBeVisible();
  await expect(page.getByTestId("policy-version")).toHaveText("2");

  await servedAsPublished(admin, key);
  const state = await first.storageState({ indexedDB: true });
  await first.close();
  const second = await browser.newContext({ storageState: state });
  const again = await second.newPage();
  await openSitePage(again, key);
  const banner = bannerOf(again);
  await expect(banner).toBeVisible();
  await expect(banner.getByText(/changed since you last chose/)).toBeVisible();
  await second.close();
});
