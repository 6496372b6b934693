import { gatesSettled, returningVisitDone } from "../fixtures/loader";
import {
  demoLikeConfig,
  manyServicesConfig,
  openSitePage,
  publishSite,
  siteKey,
} from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { bannerOf, nextReceipt, outboxSettled, preferencesOf } from "../fixtures/ui";

/** The floating button, in its own shadow root. */
const floatingButton = (page: import("@playwright/test").Page) =>
  page.locator("#assent-button").getByRole("button", { name: "Cookie settings" });

test.describe("withdrawing is as easy as consenting, by default", () => {
  test("the floating button is there unless the page shows its own way back", async ({
    page,
    admin,
  }) => {
    const key = siteKey("withdraw-default");
    // The schema's default: the site never turned the button on.
    const config = await publishSite(admin, key, demoLikeConfig());
    expect(config.ui?.floatingButton).toBe(false);

    await openSitePage(page, key, { opener: false });
    // Each receipt is awaited before the next choice: the reject-all one is the one read below.
    const accepted = nextReceipt(page);
    await bannerOf(page).getByRole("button", { name: "Accept all" }).click();
    expect((await accepted).method).toBe("accept-all");
    await expect(floatingButton(page)).toBeVisible();
    await floatingButton(page).click();
    const receipt = nextReceipt(page);
    await preferencesOf(page).getByRole("button", { name: "Reject all" }).click();
    expect((await receipt).method).toBe("reject-all");
    await outboxSettled(page);

    // A page with a visible "Cookie settings" link of its own may do without it: once the
    // loader has decided (after the parsed page's first frame), the button's module was not
    // even requested.
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await openSitePage(page, key);
    await returningVisitDone(page);
    await expect(page.getByRole("button", { name: "Cookie settings" })).toBeVisible();
    expect(requested.filter((p) => p.startsWith("/sdk/floating-button"))).toEqual([]);
    await expect(page.locator("#assent-button")).toHaveCount(0);
    // A hidden one proves nothing.
    await openSitePage(page, key, {
      opener: false,
      body: `<a href="#" data-assent-open style="display:none">Cookie settings</a>`,
    });
    await expect(floatingButton(page)).toBeVisible();
  });

  test("a withdrawal reloads the page when a withdrawn script had already run", async ({
    page,
    admin,
    thirdParty,
  }) => {
    const key = siteKey("withdraw-reload");
    await publishSite(admin, key, demoLikeConfig());
    await openSitePage(page, key, {
      body: `<script type="text/plain" data-category="analytics" data-service="google-analytics"
        data-src="https://www.googletagmanager.com/gtag/js?id=G-DEMO123456"></script>`,
    });
    await bannerOf(page).getByRole("button", { name: "Accept all" }).click();
    await expect
      .poll(() => page.evaluate(() => (window as { __gaLoaded?: number }).__gaLoaded))
      .toBe(1);
    await outboxSettled(page);
    await page.evaluate(() => {
      (window as { __beforeWithdrawal?: boolean }).__beforeWithdrawal = true;
    });
    const reloaded = page.waitForEvent("load");
    await page.evaluate(() => window.assent?.withdraw());
    await reloaded;
    // A fresh page: the analytics script that ran is gone, and it does not run again.
    expect(
      await page.evaluate(() => (window as { __beforeWithdrawal?: boolean }).__beforeWithdrawal),
    ).toBeUndefined();
    // The gates have decided the analytics script on the fresh page: still inert.
    await gatesSettled(page);
    await expect(page.locator('script[data-service="google-analytics"]')).toHaveAttribute(
      "type",
      "text/plain",
    );
    expect(await page.evaluate(() => (window as { __gaLoaded?: number }).__gaLoaded)).toBe(
      undefined,
    );
    expect(thirdParty.count("googletagmanager.com")).toBe(1);
  });
});

for (const viewport of [
  { width: 1024, height: 360 },
  { width: 320, height: 480 },
]) {
  test(`the preference centre's buttons are on screen in a ${viewport.width}x${viewport.height} viewport`, async ({
    page,
    admin,
  }) => {
    await page.setViewportSize(viewport);
    const key = siteKey("short-viewport");
    await publishSite(admin, key, manyServicesConfig());
    await openSitePage(page, key);
    await bannerOf(page).getByRole("button", { name: "Manage preferences" }).click();
    const prefs = preferencesOf(page);
    await expect(prefs).toBeVisible();
    // The dialog is taller than the viewport: it scrolls, its buttons stay in view.
    expect(await prefs.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    for (const name of ["Save choices", "Accept all", "Reject all"])
      await expect(prefs.getByRole("button", { name })).toBeInViewport({ ratio: 1 });
    await prefs.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    await expect(prefs.getByRole("button", { name: "Reject all" })).toBeInViewport({ ratio: 1 });
    // Nothing covers it: a click at its centre reaches it, without scrolling.
    const receipt = nextReceipt(page);
    const box = await prefs.getByRole("button", { name: "Reject all" }).boundingBox();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    expect((await receipt).method).toBe("reject-all");
  });
}
