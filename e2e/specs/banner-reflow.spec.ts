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

/**
 * Whether what has keyboard focus (in `cover`'s shadow root, or on the page) lies wholly under
 * `cover`, once the frame after the focus moved has been drawn.
 */
function focusedHiddenBehind(cover: Locator, inShadow: boolean): Promise<boolean> {
  return cover.evaluate(async (el, inShadow) => {
    await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
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

test("the floating button never hides what the keyboard focuses on the page", async ({
  page,
  admin,
}) => {
  const key = siteKey("fab-focus-obscured");
  await publishSite(admin, key, demoLikeConfig());
  // Short links down the page's left edge, where the button sits, each one line apart.
  const links = Array.from({ length: 40 }, (_, i) => `<a href="#l${i}">L${i}</a><br>`);
  await page.setViewportSize({ width: 320, height: 480 });
  await openSitePage(page, key, {
    opener: false,
    head: "<style>body{margin:0;padding:0 24px}</style>",
    body: `<p>${links.join("")}</p>`,
  });
  await bannerOf(page).getByRole("button", { name: "Reject all" }).click();
  const fab = page.locator("#assent-button").getByRole("button", { name: "Cookie settings" });
  await expect(fab).toBeVisible();
  await page.locator("h1").click();
  const hidden: number[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await focusedHiddenBehind(fab, false)) hidden.push(i);
  }
  expect(hidden).toEqual([]);
});

test("the preference centre's Close keeps its word whole at 320 px", async ({ page, admin }) => {
  const key = siteKey("close-word");
  await publishSite(admin, key, demoLikeConfig());
  await page.setViewportSize({ width: 320, height: 480 });
  await openSitePage(page, key, { opener: false });
  await bannerOf(page).getByRole("button", { name: "Manage preferences" }).click();
  const close = preferencesOf(page).getByRole("button", { name: "Close" });
  await expect(close).toBeVisible();
  // One line: as high as every other button, and as wide as its word.
  expect(
    await close.evaluate((el) => [
      el.scrollWidth <= el.clientWidth,
      Math.round(el.getBoundingClientRect().height),
    ]),
  ).toEqual([true, 44]);
});
