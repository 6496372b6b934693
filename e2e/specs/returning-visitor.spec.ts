import {
  demoLikeConfig,
  openSitePage,
  publishSite,
  siteKey,
  sitePagePath,
} from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { bannerOf, nextReceipt, outboxSettled } from "../fixtures/ui";

test("a returning visitor's page view requests the page, the loader and the withdraw control, and nothing of the UI", async ({
  page,
  thirdParty,
  admin,
}) => {
  const key = siteKey("returning");
  await publishSite(admin, key, demoLikeConfig());
  await openSitePage(page, key);
  const stored = nextReceipt(page);
  await bannerOf(page).getByRole("button", { name: "Reject all" }).click();
  await stored;
  await expect(bannerOf(page)).toBeHidden();
  await outboxSettled(page);

  const log: string[] = [];
  page.on("request", (r) => log.push(`${r.method()} ${new URL(r.url()).pathname}`));
  await page.reload();
  await page.waitForLoadState("networkidle");
  // The page shows its own way back (a visible data-assent-open) and the site left the floating
  // button off: the loader alone; the banner, its language and the outbox stay away.
  const sdkFiles = () =>
    log.map((line) => line.replace(/^(GET \/sdk\/[a-z-]+)-[\w-]{8}\.js$/, "$1-HASH.js"));
  expect(sdkFiles()).toEqual([`GET ${sitePagePath(key)}`, `GET /s/${key}.js`]);
  expect(thirdParty.hosts()).toEqual([]);
  await expect(page.locator("#assent-ui")).toHaveCount(0);

  // A page without one gets the floating button, the way back to the choice (cached for a year).
  log.length = 0;
  await openSitePage(page, key, { opener: false, file: `${key}-bare` });
  await expect(
    page.locator("#assent-button").getByRole("button", { name: "Cookie settings" }),
  ).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(sdkFiles()).toEqual([
    `GET ${sitePagePath(`${key}-bare`)}`,
    `GET /s/${key}.js`,
    "GET /sdk/floating-button-HASH.js",
  ]);
  await expect(page.locator("#assent-ui")).toHaveCount(0);
});
