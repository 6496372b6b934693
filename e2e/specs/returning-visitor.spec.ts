import {
  demoLikeConfig,
  openSitePage,
  publishSite,
  siteKey,
  sitePagePath,
} from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { bannerOf, nextReceipt, outboxSettled } from "../fixtures/ui";

test("a returning visitor's page view requests the page and the loader, and nothing of the UI", async ({
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
  expect(log).toEqual([`GET ${sitePagePath(key)}`, `GET /s/${key}.js`]);
  expect(thirdParty.hosts()).toEqual([]);
  await expect(page.locator("#assent-ui")).toHaveCount(0);
});
