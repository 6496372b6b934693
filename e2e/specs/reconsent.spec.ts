import { decisionApplied } from "../fixtures/loader";
import { demoLikeConfig, openSitePage, publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { bannerOf, nextReceipt, outboxSettled, preferencesOf } from "../fixtures/ui";

/**
 * Each test publishes its own isolated site through the admin API, so bumping the policy
 * version cannot disturb the demo site or another test running in parallel. A new browser
 * context with the first one's cookies and IndexedDB is the visitor coming back with an empty
 * HTTP cache, so the new config is certainly the one served.
 */
test("a policy-version bump asks again with nothing pre-ticked from the superseded choice", async ({
  browser,
  admin,
}) => {
  const key = siteKey("reconsent");
  const v1 = demoLikeConfig();
  await publishSite(admin, key, v1);

  const first = await browser.newContext();
  const page = await first.newPage();
  await openSitePage(page, key);
  await bannerOf(page).getByRole("button", { name: "Manage preferences" }).click();
  await preferencesOf(page)
    .getByRole("switch", { name: "Embedded content and social media" })
    .check();
  const firstReceipt = nextReceipt(page);
  await preferencesOf(page).getByRole("button", { name: "Save choices" }).click();
  const stored = await firstReceipt;
  expect(stored.decision.services).toMatchObject({ youtube: true });
  // Acknowledged and kept in this browser's receipt history before the page goes.
  await outboxSettled(page);

  // Still valid: no banner.
  await page.reload();
  await decisionApplied(page);
  await expect(bannerOf(page)).toBeHidden();

  // Published through one instance, served by both once the other's site cache lets go of the
  // old version (publishSite waits for that).
  await publishSite(admin, key, {
    ...v1,
    policyVersion: "2",
    services: [...v1.services, { id: "vimeo", category: "embeds" }],
  });
  await outboxSettled(page);
  const state = await first.storageState({ indexedDB: true });
  await first.close();

  const second = await browser.newContext({ storageState: state });
  const again = await second.newPage();
  await openSitePage(again, key);
  const banner = bannerOf(again);
  await expect(banner).toBeVisible();
  await expect(banner.getByText(/changed since you last chose/)).toBeVisible();
  expect(
    await again.evaluate(() => (window as { assent?: { get(): unknown } }).assent?.get()),
  ).toBeNull();

  await banner.getByRole("button", { name: "Manage preferences" }).click();
  const prefs = preferencesOf(again);
  // The old acceptance answered another policy: "Save choices" must not re-grant it.
  await expect(
    prefs.getByRole("switch", { name: "Embedded content and social media" }),
  ).not.toBeChecked();
  await prefs.getByText("Services (2)").click();
  await expect(prefs.getByRole("switch", { name: "youtube" })).not.toBeChecked();
  await expect(prefs.getByRole("switch", { name: "vimeo" })).not.toBeChecked();
  await expect(prefs.getByRole("switch", { name: "Analytics" })).not.toBeChecked();
  await expect(prefs.getByRole("switch", { name: "Strictly necessary" })).toBeChecked();
  // The visitor's own record: the same consent ID and the receipt kept from the first visit.
  await expect(prefs.getByText(stored.subjectId)).toBeVisible();
  await expect(prefs.getByText(stored.id)).toBeVisible();

  const nextStored = nextReceipt(again);
  await prefs.getByRole("button", { name: "Save choices" }).click();
  const renewed = await nextStored;
  expect(renewed.policyVersion).toBe("2");
  expect(renewed.previousId).toBe(stored.id);
  expect(renewed.subjectId).toBe(stored.subjectId);
  expect(renewed.decision.services).toMatchObject({ youtube: false, vimeo: false });
  expect(renewed.decision.categories).toMatchObject({ embeds: false, necessary: true });
  await second.close();
});
