import type { Locator } from "@playwright/test";
import {
  demoLikeConfig,
  manyServicesConfig,
  openSitePage,
  publishSite,
  siteKey,
} from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { bannerOf, preferencesOf } from "../fixtures/ui";

/** Whether what has keyboard focus (in `cover`'s shadow root, or on the page) lies wholly under `cover`. */
function focusedHiddenBehind(cover: Locator, inShadow: boolean): Promise<boolean> {
  return cover.evaluate((el, inShadow) => {
    const root = inShadow ? (el.getRootNode() as ShadowRoot) : document;
    const focused = root.activeElement;
    if (!focused || el.contains(focused) || focused.closest("#assent-ui")) return false;
    const a = focused.getBoundingClientRect();
    const c = el.getBoundingClientRect();
    return a.top >= c.top && a.bottom <= c.bottom && a.left >= c.left && a.right <= c.right;
  }, inShadow);
}

test("the bar never hides what the keyboard focuses on the page, and gives the page its padding back", async ({
  page,
  admin,
}) => {
  const key = siteKey("bar-focus");
  await publishSite(admin, key, demoLikeConfig());
  const links = Array.from({ length: 30 }, (_, i) => `<p><a href="#l${i}">link ${i}</a></p>`);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSitePage(page, key, {
    opener: false,
    head: `<style>html{scroll-padding-bottom:5px}</style>`,
    body: `${links.join("")}<p style="height:400px">The end.</p>`,
  });
  const bar = bannerOf(page);
  await expect(bar).toBeVisible();
  await page.locator("h1").click();
  const hidden: number[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    if (await focusedHiddenBehind(bar, false)) hidden.push(i);
  }
  expect(hidden).toEqual([]);
  await bar.getByRole("button", { name: "Reject all" }).click();
  await expect(bar).toBeHidden();
  // The page's own stylesheet rules again: no inline value left behind.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.style.scrollPaddingBottom))
    .toBe("");
});

for (const viewport of [
  { width: 320, height: 480 },
  { width: 320, height: 256 },
]) {
  test(`the preference centre's footer never hides a focused switch at ${viewport.width}x${viewport.height}`, async ({
    page,
    admin,
  }) => {
    const key = siteKey("prefs-focus");
    await publishSite(admin, key, manyServicesConfig());
    await page.setViewportSize(viewport);
    await openSitePage(page, key, { opener: false });
    await bannerOf(page).getByRole("button", { name: "Manage preferences" }).click();
    const prefs = preferencesOf(page);
    await expect(prefs).toBeVisible();
    await prefs.evaluate((el) => {
      for (const details of el.querySelectorAll("details")) details.open = true;
    });
    const footer = prefs.locator(":scope > .actions");
    const hidden: string[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      if (await focusedHiddenBehind(footer, true)) hidden.push(String(i));
    }
    expect(hidden).toEqual([]);
  });
}

test("a long label of the site's own wraps inside its button at 320 px", async ({
  page,
  admin,
}) => {
  const key = siteKey("long-label");
  await publishSite(
    admin,
    key,
    demoLikeConfig({ texts: { en: { manage: "Privacysettingsmanagementinterfaceoptions" } } }),
  );
  await page.setViewportSize({ width: 320, height: 640 });
  await openSitePage(page, key, { opener: false });
  const bar = bannerOf(page);
  const manage = bar.getByRole("button", { name: "Privacysettingsmanagementinterfaceoptions" });
  await expect(manage).toBeVisible();
  expect(await bar.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  await expect(manage).toBeInViewport({ ratio: 1 });
});
