import { demoLikeConfig, openSitePage, publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { bannerOf, focusedLabel, outboxSettled, preferencesOf } from "../fixtures/ui";

test.describe("language selection", () => {
  test("<html lang> comes first", async ({ page, admin }) => {
    const key = siteKey("lang-html");
    await publishSite(admin, key, demoLikeConfig());
    await openSitePage(page, key, { lang: "cy" });
    await expect(bannerOf(page, "Cwcis ar y wefan hon")).toBeVisible();
    await expect(page.locator("#assent-ui")).toHaveAttribute("lang", "cy");
  });

  test.describe("then the browser's languages", () => {
    test.use({ locale: "de-DE" });
    test("a page without lang follows navigator.languages, and per-site texts win", async ({
      page,
      admin,
    }) => {
      const key = siteKey("lang-nav");
      await publishSite(
        admin,
        key,
        demoLikeConfig({ texts: { de: { title: "Cookies bei der <b>Gilde</b>" } } }),
      );
      await openSitePage(page, key, { lang: null });
      const banner = bannerOf(page, "Cookies bei der <b>Gilde</b>");
      await expect(banner).toBeVisible();
      await expect(banner.getByRole("button", { name: "Alle ablehnen" })).toBeVisible();
      await expect(banner.locator("b")).toHaveCount(0);
    });
  });

  test.describe("then the site default", () => {
    test.use({ locale: "ja-JP" });
    test("an unsupported page and browser language fall back to the site's default", async ({
      page,
      admin,
    }) => {
      const key = siteKey("lang-default");
      await publishSite(admin, key, demoLikeConfig({ defaultLanguage: "fr" }));
      const requested: string[] = [];
      page.on("request", (r) => requested.push(new URL(r.url()).pathname));
      await openSitePage(page, key, { lang: "ja" });
      await expect(bannerOf(page, "Cookies sur ce site")).toBeVisible();
      // Only the one language's chunks were downloaded: the first layer's texts, and every
      // text beside the preference centre once the banner has painted.
      const languages = requested.filter((p) => p.startsWith("/sdk/lang/"));
      expect(languages.filter((p) => !p.includes("-centre-"))).toHaveLength(1);
      for (const chunk of languages)
        expect(chunk).toMatch(/^\/sdk\/lang\/fr(-centre)?-[\w-]{8}\.js$/);
    });
  });
});

test.describe("theme and position from the site config", () => {
  test("a dark corner box", async ({ page, admin }) => {
    const key = siteKey("box");
    await publishSite(
      admin,
      key,
      demoLikeConfig({ ui: { theme: "dark", position: "box", floatingButton: false } }),
    );
    await openSitePage(page, key);
    const banner = bannerOf(page);
    await expect(banner).toBeVisible();
    const box = await banner.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.width).toBeLessThan(viewport.width / 2);
    expect(box!.x + box!.width).toBeGreaterThan(viewport.width - 40);
    expect(await banner.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      "rgb(17, 24, 39)",
    );
    await expect(banner).toHaveAttribute("aria-modal", "false");
  });

  test("a centred modal keeps focus inside until a choice", async ({ page, admin }) => {
    const key = siteKey("modal");
    await publishSite(
      admin,
      key,
      demoLikeConfig({ ui: { theme: "light", position: "modal", floatingButton: false } }),
    );
    await openSitePage(page, key);
    const banner = bannerOf(page);
    await expect(banner).toHaveAttribute("aria-modal", "true");
    await expect(banner).toBeFocused();
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      seen.add(await focusedLabel(page));
    }
    expect([...seen].sort()).toEqual(
      ["Accept all", "Manage preferences", "Privacy policy", "Reject all"].sort(),
    );
  });

  test("the host page can restyle it with custom properties", async ({ page, admin }) => {
    const key = siteKey("css");
    await publishSite(admin, key, demoLikeConfig());
    await openSitePage(page, key, {
      body: `<link rel="stylesheet" href="data:text/css,%23assent-ui%7B--assent-accent%3A%23006400%7D">`,
    });
    const accept = bannerOf(page).getByRole("button", { name: "Accept all" });
    await expect(accept).toHaveCSS("background-color", "rgb(0, 100, 0)");
  });
});

test("a floating button reopens the preference centre, without the UI chunk until pressed", async ({
  page,
  admin,
}) => {
  const key = siteKey("fab");
  await publishSite(
    admin,
    key,
    demoLikeConfig({ ui: { theme: "auto", position: "bar", floatingButton: true } }),
  );
  await openSitePage(page, key);
  await bannerOf(page).getByRole("button", { name: "Reject all" }).click();
  await outboxSettled(page);

  const requested: string[] = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.reload();
  const fab = page.locator("#assent-button").getByRole("button", { name: "Cookie settings" });
  // The floating button is the last thing the loader fetches: what it asks for before (the
  // banner, its language, the outbox) has been asked for by now.
  await expect(fab).toBeVisible();
  const sdk = requested.filter((p) => p.startsWith("/sdk/"));
  expect(sdk).toHaveLength(1);
  expect(sdk[0]).toMatch(/^\/sdk\/floating-button(-[\w-]+)?\.js$/);
  await fab.click();
  await expect(preferencesOf(page)).toBeVisible();
  expect(requested.some((p) => /^\/sdk\/ui-[\w-]+\.js$/.test(p))).toBe(true);
});
