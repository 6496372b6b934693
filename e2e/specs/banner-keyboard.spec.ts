import { demoLikeConfig, openSitePage, publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { customerPage } from "../fixtures/topology";
import { bannerOf, focusedLabel, nextReceipt, preferencesOf, tabTo } from "../fixtures/ui";

test.describe("keyboard only", () => {
  test("accept: focus starts in the banner, Tab reaches Accept all, Enter records it", async ({
    page,
    thirdParty,
  }) => {
    await page.goto(customerPage("/"));
    await expect(bannerOf(page)).toBeFocused();
    await tabTo(page, "Accept all");
    const receipt = nextReceipt(page);
    await page.keyboard.press("Enter");
    expect((await receipt).method).toBe("accept-all");
    await expect(bannerOf(page)).toBeHidden();
    await expect.poll(() => thirdParty.count("googletagmanager.com")).toBe(1);
  });

  test("custom choice: preference centre by keyboard, a switch by Space, Save by Enter", async ({
    page,
  }) => {
    await page.goto(customerPage("/"));
    await tabTo(page, "Manage preferences");
    await page.keyboard.press("Enter");
    const prefs = preferencesOf(page);
    await expect(prefs).toBeFocused();

    // Escape goes back to the banner: leaving the preference centre is not a choice.
    await page.keyboard.press("Escape");
    await expect(bannerOf(page)).toBeFocused();
    await tabTo(page, "Manage preferences");
    await page.keyboard.press("Enter");

    await tabTo(page, "Analytics");
    await page.keyboard.press("Space");
    await expect(prefs.getByRole("switch", { name: "Analytics" })).toBeChecked();

    // Focus is trapped: Tab from the last button wraps to the first control.
    await tabTo(page, "Reject all");
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toBe("Close");
    await page.keyboard.press("Shift+Tab");
    expect(await focusedLabel(page)).toBe("Reject all");

    await tabTo(page, "Save choices", 30, "Shift+Tab");
    const receipt = nextReceipt(page);
    await page.keyboard.press("Enter");
    const stored = await receipt;
    expect(stored.method).toBe("custom");
    expect(stored.decision.categories).toMatchObject({ analytics: true, marketing: false });
    await expect(prefs).toBeHidden();

    // Back in at any time from the site's own button; focus returns to it on Escape.
    await page.getByRole("button", { name: "Cookie settings" }).focus();
    await page.keyboard.press("Enter");
    await expect(prefs).toBeFocused();
    await expect(prefs.getByRole("switch", { name: "Analytics" })).toBeChecked();
    await page.keyboard.press("Escape");
    await expect(prefs).toBeHidden();
    await expect(page.getByRole("button", { name: "Cookie settings" })).toBeFocused();
  });
});

test.describe("a page that has the focus", () => {
  test("keeps it: the banner does not take it, and waits in a named region a screen reader lists", async ({
    page,
    admin,
  }) => {
    const key = siteKey("page-focus");
    await publishSite(admin, key, demoLikeConfig());
    await openSitePage(page, key, {
      opener: false,
      body: `<label>Search <input id="q" autofocus></label>`,
    });
    const banner = bannerOf(page);
    await expect(banner).toBeVisible();
    // Past the frame after which the banner would have taken the focus (its padding is set then).
    await expect
      .poll(() => page.evaluate(() => document.documentElement.style.scrollPaddingBottom))
      .not.toBe("");
    await expect(page.locator("#q")).toBeFocused();
    await page.keyboard.type("tax");
    await expect(page.locator("#q")).toHaveValue("tax");
    // Discoverable all the same: a landmark named as the banner, its choices inside.
    const region = page.locator("#assent-ui").getByRole("region", { name: "Cookies on this site" });
    await expect(region.getByRole("button", { name: "Reject all" })).toBeVisible();
    // And reached from the page by keyboard: its choices follow the page's last control.
    await tabTo(page, "Reject all");
  });
});
