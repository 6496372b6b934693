import type { SiteStats } from "@assent/core";
import { createSite, openDashboard, sendReceipts } from "../fixtures/dashboard";
import { expect, test } from "../fixtures/test";

test("the overview's figures match the statistics API and the chart is drawn", async ({
  page,
  admin,
}) => {
  const key = await createSite(admin, "overview");
  await sendReceipts(admin, key, [
    { method: "accept-all", categories: { analytics: true, marketing: true } },
    { method: "accept-all", categories: { analytics: true, marketing: true } },
    { method: "reject-all", categories: { analytics: false, marketing: false } },
    { method: "custom", categories: { analytics: true, marketing: false } },
  ]);

  await openDashboard(page, key, "overview");
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
  const stats = await admin.get<SiteStats>(`/v1/admin/stats?site=${key}&from=${from}&to=${today}`);

  await expect(page.getByTestId("total-today")).toHaveText(String(stats.totals.total));
  await expect(page.getByTestId("total-30")).toHaveText("4");
  const analytics = stats.totals.categories.analytics;
  const rates = page.getByRole("region", { name: "Consent rates by category" });
  await expect(rates.locator('tr[data-category="analytics"] td').nth(1)).toHaveText(
    `${Math.round((analytics?.optInRate ?? 0) * 100)}% (3 of 4)`,
  );
  const split = page.getByRole("region", { name: "How visitors decided" });
  await expect(split.getByRole("row", { name: /^Accept all/ })).toContainText("2 (50%)");
  await expect(split.getByRole("row", { name: /^Reject all/ })).toContainText("1 (25%)");
  await expect(split.getByRole("row", { name: /^Custom/ })).toContainText("1 (25%)");
  const versions = page.getByRole("region", { name: /By policy version/ });
  await expect(versions.locator('tr[data-policy-version="1"]')).toContainText("4");
  await expect(page.locator(".rates-chart canvas")).toBeVisible();
});
