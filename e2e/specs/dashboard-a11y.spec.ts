import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { createSite, openDashboard, sendReceipts, watchCsp } from "../fixtures/dashboard";
import { expect, test } from "../fixtures/test";

const SECTIONS = [
  "Overview",
  "Records",
  "Requests",
  "Exports",
  "Site settings",
  "Users",
  "Audit log",
] as const;

/**
 * What each section shows only once every request it makes on opening has been answered (a
 * section that loads nothing shows its form at once): the page axe reads is the finished one.
 */
const loadedContent = (
  page: Page,
  receiptId: string,
): Record<(typeof SECTIONS)[number], Locator[]> => ({
  Overview: [page.getByTestId("total-30"), page.locator(".rates-chart canvas")],
  Records: [page.locator(`tr[data-receipt-id="${receiptId}"]`)],
  Requests: [page.getByLabel("Subject id")],
  Exports: [page.getByRole("heading", { name: "Export consent records" })],
  "Site settings": [
    page.getByTestId("banner-preview"),
    page.getByLabel("Allowed origins (one a line)"),
    page.getByText("No witness yet."),
    page.getByTestId("witness-vkey"),
  ],
  Users: [page.getByRole("table", { name: "Users of this site" })],
  "Audit log": [page.getByRole("table", { name: "Audit log" })],
});

for (const [colorScheme, width] of [
  ["light", 1280],
  ["dark", 360],
] as const) {
  test(`every section passes axe, fits ${width} px and breaks no CSP rule (${colorScheme})`, async ({
    page,
    admin,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme });
    const violations = await watchCsp(page);
    const key = await createSite(admin, "a11y");
    const [receipt] = await sendReceipts(admin, key, [
      { method: "custom", categories: { analytics: true, marketing: false } },
    ]);

    await openDashboard(page, key, "overview");
    await expect(page.locator(".rates-chart canvas")).toBeVisible();
    for (const section of SECTIONS) {
      await page.getByRole("link", { name: section, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        `Dashboard a11y: ${section}`,
      );
      for (const content of loadedContent(page, receipt?.id ?? "")[section])
        await expect(content, section).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => `${section}: ${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `${section} scrolls sideways`).toBeLessThanOrEqual(0);
    }

    // The account, from the header: on no site, only looked at (the owner's password stays).
    await page.getByRole("banner").getByRole("link", { name: "Account" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
    await expect(page.getByRole("table", { name: "Your open sessions" })).toBeVisible();
    const account = await new AxeBuilder({ page }).analyze();
    expect(account.violations.map((v) => `account: ${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(sideways, "the account view scrolls sideways").toBeLessThanOrEqual(0);

    await page.getByRole("link", { name: "Records", exact: true }).click();
    await page.getByRole("button", { name: `Details of receipt ${receipt?.id}` }).click();
    await expect(page.getByText("Signature verified")).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `detail: ${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
    expect(violations).toEqual([]);
  });
}

test("the dashboard works from the keyboard alone", async ({ page, admin }) => {
  const key = await createSite(admin, "keys");
  await sendReceipts(admin, key, [{ method: "accept-all", categories: { analytics: true } }]);
  await openDashboard(page, key, "overview");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();

  // Back up to the first stop on the page, the skip link, then forward to the sections.
  const skip = page.getByRole("link", { name: "Skip to content" });
  await pressUntilFocused(page, "Shift+Tab", skip);
  const records = page.getByRole("link", { name: "Records", exact: true });
  await pressUntilFocused(page, "Tab", records);
  await expect(records).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  const details = page.getByRole("button", { name: /^Details of receipt/ });
  await details.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: /^Receipt / })).toBeFocused();
});

async function pressUntilFocused(page: Page, key: string, target: Locator): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}
