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
  // The floating button is the way back to the choice, on every page by default (under 1 KB,
  // cached for a year); the banner, its language and the outbox stay away.
  expect(
    log.map((line) => line.replace(/^(GET \/sdk\/[a-z-]+)-[\w-]{8}\.js$/, "$1-HASH.js")),
  ).toEqual([`GET ${sitePagePath(key)}`, `GET /s/${key}.js`, "GET /sdk/floating-button-HASH.js"]);
  expect(thirdParty.hosts()).toEqual([]);
  await expect(page.locator("#assent-ui")).toHaveCount(0);
});
