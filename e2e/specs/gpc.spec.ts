import type { SiteConfig } from "@assent/core";
import type { Page } from "@playwright/test";
import { demoLikeConfig, openSitePage, publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { bannerOf, nextReceipt } from "../fixtures/ui";

/**
 * Global Privacy Control follows purposes, not category names: a site whose advertising category
 * is called `advertising` (not `marketing`, and so declares what it is for, as a category of a
 * site's own that holds services must) gets the Meta pixel and Consent Mode's advertising keys
 * denied on "Accept all" when the browser sends the signal. The page is the customer's own,
 * so setting `navigator.globalPrivacyControl` in it (and the `Sec-GPC` header a GPC browser
 * sends) is the visitor's browser, not an interception of Assent's responses.
 */
const renamed = (): SiteConfig => ({
  ...demoLikeConfig(),
  categories: [
    { id: "necessary", required: true },
    { id: "analytics" },
    { id: "advertising", purposes: ["advertising"] },
  ],
  services: [
    { id: "google-analytics", category: "analytics" },
    { id: "meta-pixel", category: "advertising" },
  ],
  consentMode: {
    categories: {
      analytics: ["analytics_storage"],
      advertising: ["ad_storage", "ad_user_data", "ad_personalization"],
    },
  },
  // A category of the site's own is named and described by the site.
  texts: {
    en: {
      "category.advertising": "Advertising",
      "category.advertising.description": "Showing you our offers on other sites.",
    },
  },
});

const TAGS = `<script type="text/plain" data-category="analytics" data-service="google-analytics"
  data-src="https://www.googletagmanager.com/gtag/js?id=G-DEMO123456"></script>
<script type="text/plain" data-category="advertising" data-service="meta-pixel"
  data-src="https://connect.facebook.net/en_US/fbevents.js"></script>`;

/** The last Consent Mode state the page pushed (`consent update`). */
const lastConsentUpdate = (page: Page) =>
  page.evaluate(() => {
    const layer = (window as { dataLayer?: IArguments[] }).dataLayer ?? [];
    const updates = layer.filter((e) => e[0] === "consent" && e[1] === "update");
    return updates.at(-1)?.[2] as Record<string, string> | undefined;
  });

const loaded = (page: Page, name: "__gaLoaded" | "__fbLoaded") =>
  page.evaluate((n) => (window as unknown as Record<string, number | undefined>)[n] ?? 0, name);

test.describe("with Global Privacy Control", () => {
  test.beforeEach(async ({ context }) => {
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true }),
    );
    await context.setExtraHTTPHeaders({ "Sec-GPC": "1" });
  });

  test("a renamed advertising category stays denied on Accept all, and the first layer says so", async ({
    page,
    admin,
    thirdParty,
  }) => {
    const key = siteKey("gpc-renamed");
    await publishSite(admin, key, renamed());
    await openSitePage(page, key, { body: TAGS });
    const banner = bannerOf(page);
    await expect(banner.getByText(/Global Privacy Control signal is honoured/)).toBeVisible();

    const receipt = nextReceipt(page);
    await banner.getByRole("button", { name: "Accept all" }).click();
    const stored = await receipt;
    expect(stored).toMatchObject({ method: "accept-all", gpc: true, gpcHeader: true });
    expect(stored.decision.categories).toMatchObject({ analytics: true, advertising: false });
    expect(stored.decision.services).toMatchObject({
      "google-analytics": true,
      "meta-pixel": false,
    });
    await expect.poll(() => loaded(page, "__gaLoaded")).toBe(1);
    expect(await loaded(page, "__fbLoaded")).toBe(0);
    expect(thirdParty.count("facebook.net")).toBe(0);
    expect(await lastConsentUpdate(page)).toMatchObject({
      analytics_storage: "granted",
      ad_storage: "denied",
      ad_user_data: "denied",
      ad_personalization: "denied",
    });
  });
});

test("without the signal, Accept all grants the renamed advertising category", async ({
  page,
  admin,
  thirdParty,
}) => {
  const key = siteKey("gpc-off");
  await publishSite(admin, key, renamed());
  await openSitePage(page, key, { body: TAGS });
  const banner = bannerOf(page);
  await expect(banner).toBeVisible();
  await expect(banner.getByText(/Global Privacy Control/)).toHaveCount(0);
  await banner.getByRole("button", { name: "Accept all" }).click();
  await expect.poll(() => loaded(page, "__fbLoaded")).toBe(1);
  expect(thirdParty.count("facebook.net")).toBeGreaterThan(0);
  expect(await lastConsentUpdate(page)).toMatchObject({ ad_storage: "granted" });
});
