import type { ConfigVersion } from "@assent/core";
import { createSite, openDashboard, watchCsp } from "../fixtures/dashboard";
import { diffImages } from "../fixtures/image-diff";
import { demoLikeConfig, openSitePage, publishSite } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";

/**
 * The compliance linter as an owner meets it in the dashboard, through Caddy to both
 * instances: errors block publishing, warnings publish only once ticked, and the acknowledgement
 * is on record; and the preview beside it is the banner visitors get.
 */
test("publishing with warnings needs each acknowledged; errors are refused", async ({
  page,
  admin,
}) => {
  test.slow();
  const key = await createSite(admin, "compliance");
  await openDashboard(page, key, "settings");
  await page.getByLabel("Title").fill("Cookies at the Compliant Union");

  // An error: a reject button that reads as a yes.
  await page.getByLabel("Reject button").fill("I like cookies");
  const errors = page.getByRole("list", { name: "Errors" });
  await expect(errors).toContainText("reject-label-means-accept");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.locator("section.banner-settings").getByRole("alert")).toContainText(
    "reject-label-means-accept",
  );
  await page.getByLabel("Reject button").fill("");
  await expect(errors).toBeHidden();

  // Warnings: the default site links its policy as a path, "/privacy".
  const warnings = page.getByRole("list", { name: "Warnings" });
  await expect(warnings).toContainText("privacy-policy-placeholder");
  const boxes = warnings.getByRole("checkbox");
  const count = await boxes.count();
  expect(count).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.locator("section.banner-settings").getByRole("alert")).toContainText(
    /acknowledg/i,
  );
  const before = await admin.get<{ versions: ConfigVersion[] }>(
    `/v1/admin/sites/${key}/config/versions`,
  );
  expect(before.versions.map((v) => v.version)).toEqual([1]);

  const rules: string[] = [];
  for (let i = 0; i < count; i++) {
    const box = boxes.nth(i);
    rules.push(((await box.getAttribute("id")) ?? "").replace(/^ack-/, ""));
    await box.check();
  }
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(/Published as version 2/)).toBeVisible();

  const version = await admin.get<ConfigVersion>(`/v1/admin/sites/${key}/config/versions/2`);
  expect(version.acknowledged).toEqual([...rules].sort());
  expect(version.config.texts.en?.title).toBe("Cookies at the Compliant Union");
  const audit = await admin.get<{ items: { action: string; detail: unknown }[] }>(
    `/v1/admin/sites/${key}/audit`,
  );
  expect(audit.items.find((e) => e.action === "config.publish")?.detail).toMatchObject({
    version: 2,
    acknowledged: [...rules].sort(),
  });
});

for (const position of ["bar", "box"] as const) {
  test(`the preview is the visitor's banner (${position}, French, light)`, async ({
    page,
    browser,
    admin,
  }) => {
    // Two browser contexts and a pixel comparison: more than a visitor spec's time.
    test.slow();
    const key = await createSite(admin, `preview-${position}`);
    await publishSite(
      admin,
      key,
      demoLikeConfig({
        ui: { theme: "light", position, floatingButton: true },
        texts: { fr: { title: "Des cookies, si vous le voulez bien" } },
      }),
    );
    // The preview's stylesheets are constructed, so the dashboard's strict CSP stands.
    const violations = await watchCsp(page);
    await openDashboard(page, key, "settings");
    await page.getByLabel("Language").selectOption("fr");
    const preview = page.getByTestId("banner-preview");
    const shown = preview.locator(".banner");
    await expect(shown).toContainText("Des cookies, si vous le voulez bien");
    const frame = await preview.boundingBox();
    if (!frame) throw new Error("the preview has no box");

    // A visitor whose window is the preview's size, on a French page of the customer's site.
    const visitor = await browser.newContext({
      viewport: { width: Math.round(frame.width), height: Math.round(frame.height) },
    });
    const visit = await visitor.newPage();
    await openSitePage(visit, key, { lang: "fr" });
    const live = visit.locator("#assent-ui .banner");
    await expect(live).toContainText("Des cookies, si vous le voulez bien");

    // The same buttons, labels, colours and sizes.
    const looks = (banner: typeof live) =>
      banner.locator("button").evaluateAll((buttons) =>
        buttons.map((b) => {
          const style = getComputedStyle(b);
          const box = b.getBoundingClientRect();
          return [
            b.textContent,
            style.backgroundColor,
            style.color,
            style.borderColor,
            style.fontSize,
            style.fontWeight,
            Math.round(box.width),
            Math.round(box.height),
          ].join(" ");
        }),
      );
    expect(await looks(shown)).toEqual(await looks(live));

    const [a, b] = [
      await shown.screenshot({ animations: "disabled" }),
      await live.screenshot({ animations: "disabled" }),
    ];
    await test.info().attach(`preview-${position}.png`, { body: a, contentType: "image/png" });
    await test.info().attach(`banner-${position}.png`, { body: b, contentType: "image/png" });
    if (process.env.PREVIEW_DUMP) {
      const { writeFileSync } = await import("node:fs");
      writeFileSync(`${process.env.PREVIEW_DUMP}/preview-${position}.png`, a);
      writeFileSync(`${process.env.PREVIEW_DUMP}/banner-${position}.png`, b);
    }
    const diff = await diffImages(browser, a, b);
    console.log(`[preview] ${position}: ${JSON.stringify(diff)}`);
    expect(Math.abs(diff.a.width - diff.b.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(diff.a.height - diff.b.height)).toBeLessThanOrEqual(1);
    expect(diff.differing / diff.compared).toBeLessThan(0.01);
    expect(violations).toEqual([]);
    await visitor.close();
  });
}
