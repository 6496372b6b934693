import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { diffImages } from "../fixtures/image-diff";
import { demoLikeConfig, openSitePage, publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { customerPage } from "../fixtures/topology";
import { bannerOf, outboxSettled, preferencesOf, tabTo } from "../fixtures/ui";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).include("#assent-ui").withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" | ")}`);
}

// The embed placeholder is rendered by the loader; its checks are in "embed placeholder" below.
for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`axe, ${colorScheme} theme`, () => {
    test.use({ colorScheme, reducedMotion: "reduce" });

    test("the banner has no WCAG 2.2 A/AA violations", async ({ page }) => {
      await page.goto(customerPage("/"));
      await expect(bannerOf(page)).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test("the preference centre, services expanded, has no WCAG 2.2 A/AA violations", async ({
      page,
    }) => {
      await page.goto(customerPage("/"));
      await bannerOf(page).getByRole("button", { name: "Manage preferences" }).click();
      const prefs = preferencesOf(page);
      await expect(prefs).toBeVisible();
      for (const summary of await prefs.locator("summary").all()) await summary.click();
      expect(await violations(page)).toEqual([]);
    });
  });
}

test.describe("themes", () => {
  test.use({ colorScheme: "dark" });

  test("follows the system's dark mode by default", async ({ page }) => {
    await page.goto(customerPage("/"));
    const banner = bannerOf(page);
    await expect(banner).toBeVisible();
    const colours = await banner.evaluate((el) => {
      const style = getComputedStyle(el);
      return [style.backgroundColor, style.color];
    });
    expect(colours).toEqual(["rgb(17, 24, 39)", "rgb(243, 244, 246)"]);
  });
});

test.describe("right to left", () => {
  test("an Arabic page gets the Arabic banner, laid out right to left, with no violations", async ({
    page,
  }) => {
    await page.goto(customerPage("/ar.html"));
    const banner = bannerOf(page, "ملفات تعريف الارتباط على هذا الموقع");
    await expect(banner).toBeVisible();
    await expect(page.locator("#assent-ui")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("#assent-ui")).toHaveAttribute("lang", "ar");
    const buttons = ["قبول الكل", "رفض الكل", "إدارة التفضيلات"];
    for (const name of buttons) await expect(banner.getByRole("button", { name })).toBeVisible();
    // Right to left: the first button sits to the right of the second.
    const first = await banner.getByRole("button", { name: buttons[0] }).boundingBox();
    const second = await banner.getByRole("button", { name: buttons[1] }).boundingBox();
    expect(first!.x).toBeGreaterThan(second!.x);
    expect(await violations(page)).toEqual([]);

    await banner.getByRole("button", { name: "إدارة التفضيلات" }).click();
    await expect(preferencesOf(page, "تفضيلات الخصوصية")).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
});

/** What of the page behind Chromium's accessibility tree (what a screen reader reads) exposes. */
async function exposed(page: Page, name: RegExp): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as {
    nodes: Array<{ ignored: boolean; name?: { value: string }; role?: { value: string } }>;
  };
  await cdp.detach();
  return nodes
    .filter(
      (n) =>
        !n.ignored &&
        name.test(n.name?.value ?? "") &&
        !["StaticText", "InlineTextBox"].includes(n.role?.value ?? ""),
    )
    .map((n) => `${n.role?.value} ${n.name?.value}`);
}

test.describe("modal", () => {
  test("a centred modal and the preference centre hide the page behind from screen readers and the keyboard", async ({
    page,
    admin,
  }) => {
    const key = siteKey("modal-inert");
    await publishSite(
      admin,
      key,
      demoLikeConfig({ ui: { theme: "light", position: "modal", floatingButton: false } }),
    );
    await openSitePage(page, key, {
      body: `<nav aria-label="Behind"><a href="#x">Behind link</a></nav>`,
    });
    const banner = bannerOf(page);
    await expect(banner).toBeFocused();
    expect(await exposed(page, /Behind/)).toEqual([]);
    await banner.getByRole("button", { name: "Manage preferences" }).click();
    await expect(preferencesOf(page)).toBeFocused();
    expect(await exposed(page, /Behind/)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(banner).toBeFocused();
    await banner.getByRole("button", { name: "Reject all" }).click();
    await expect(banner).toBeHidden();
    // The page is back, for screen readers and for the keyboard.
    expect(await exposed(page, /Behind/)).toEqual(["navigation Behind", "link Behind link"]);
    await tabTo(page, "Cookie settings");
  });

  test("the bar leaves the page as it is", async ({ page, admin }) => {
    const key = siteKey("bar-exposed");
    await publishSite(admin, key, demoLikeConfig());
    await openSitePage(page, key, {
      body: `<nav aria-label="Behind"><a href="#x">Behind link</a></nav>`,
    });
    await expect(bannerOf(page)).toBeFocused();
    expect(await exposed(page, /Behind/)).toEqual(["navigation Behind", "link Behind link"]);
  });
});

test("the floating button's focus shows on a dark page as on a light one", async ({
  page,
  admin,
  browser,
}) => {
  const key = siteKey("fab-focus");
  await publishSite(admin, key, demoLikeConfig());
  await openSitePage(page, key, { opener: false, head: "<style>html{background:#121212}</style>" });
  await bannerOf(page).getByRole("button", { name: "Reject all" }).click();
  const fab = page.locator("#assent-button").getByRole("button", { name: "Cookie settings" });
  await expect(fab).toBeVisible();
  const box = (await fab.boundingBox())!;
  const clip = { x: box.x - 12, y: box.y - 12, width: box.width + 24, height: box.height + 24 };
  const before = await page.screenshot({ clip });
  await tabTo(page, "Cookie settings");
  const after = await page.screenshot({ clip });
  // The ring around the button (at least a 2 px band of its perimeter) changes colour visibly.
  const ring = 2 * 2 * (box.width + box.height);
  expect((await diffImages(browser, before, after)).differing).toBeGreaterThan(ring);
});

test.describe("embed placeholder", () => {
  test("keyboard reaches and operates Load this once; its controls are at least 24 px high", async ({
    page,
  }) => {
    await page.goto(customerPage("/"));
    await bannerOf(page).getByRole("button", { name: "Reject all" }).click();
    await outboxSettled(page);
    const frame = page.frameLocator("iframe[data-service=youtube]");
    await expect(frame.getByRole("button", { name: "Load this once" })).toBeVisible();
    const sizes = await page
      .locator("iframe[data-service=youtube]")
      .evaluate((f) =>
        Array.from((f as HTMLIFrameElement).contentDocument?.querySelectorAll("button") ?? []).map(
          (b) => Math.round(b.getBoundingClientRect().height),
        ),
      );
    expect(sizes).toHaveLength(2);
    for (const height of sizes) expect(height).toBeGreaterThanOrEqual(24);
    await page.getByRole("link", { name: "Share on X" }).focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focused = () =>
      page.evaluate(
        () =>
          (document.activeElement as HTMLIFrameElement | null)?.contentDocument?.activeElement
            ?.textContent,
      );
    expect(await focused()).toBe("Load this once");
    const loaded = page.waitForRequest((r) => r.url().includes("youtube-nocookie.com/embed/"));
    await page.keyboard.press("Enter");
    await loaded;
  });
});
