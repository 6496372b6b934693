import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/test";
import { customerPage } from "../fixtures/topology";
import { bannerOf, preferencesOf } from "../fixtures/ui";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).include("#assent-ui").withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" | ")}`);
}

// The embed placeholder is rendered by the loader (issue 3) and has its own checks there.
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
