import type { Page } from "@playwright/test";
import { findReceipt } from "../fixtures/admin";
import {
  consentDefaults,
  counterRan,
  pageReady,
  ruledSiteConfig,
  storedReceipt,
  visitRuledSite,
} from "../fixtures/ruled-site";
import { publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { bannerOf, nextReceipt, preferencesOf } from "../fixtures/ui";

/**
 * A visitor from California on the customer's own page, placed by Caddy from the address they
 * connect from, on a site with the preset rules (US states opt-out): tags run before a choice,
 * no banner asks, a "Your Privacy Choices" control opens the page to opt out of sale and sharing;
 * with Global Privacy Control the Meta pixel is never requested and the opt-out is logged at once.
 * The page has no "Cookie settings" button of its own, so the floating control is the way in.
 */

let key: string;
test.beforeAll(async ({ admin }) => {
  key = siteKey("opt-out");
  await publishSite(admin, key, ruledSiteConfig({ analytics: true }));
});

const choicesButton = (page: Page) =>
  page.locator("#assent-button").getByRole("button", { name: "Your Privacy Choices" });
const choicesPage = (page: Page) => preferencesOf(page, "Your Privacy Choices");
const OPT_OUT = "Do not sell or share my personal information";

/** The region-scoped `consent default` the page pushed after the global denied one. */
async function scopedDefault(page: Page) {
  const defaults = await consentDefaults(page);
  expect(defaults).toHaveLength(2);
  expect(defaults[0]).toMatchObject({ ad_storage: "denied", analytics_storage: "denied" });
  expect(defaults[1]?.region).toEqual(expect.arrayContaining(["US-CA", "US-CO"]));
  return defaults[1];
}

test("a visitor from US-CA: every tag runs with no banner; Your Privacy Choices opts out of sale and sharing, logged, and the pixel stops", async ({
  visitorFrom,
  admin,
}) => {
  const page = await (await visitorFrom("US-CA")).newPage();
  const requested: string[] = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  const visit = await visitRuledSite(page, key, { analytics: true, opener: false });
  expect(await visit.requests("ga")).toBe(1);
  expect(await visit.requests("meta")).toBe(1);
  expect(await counterRan(page)).toBe(true);
  expect(await scopedDefault(page)).toMatchObject({
    analytics_storage: "granted",
    ad_storage: "granted",
  });

  const choices = choicesButton(page);
  await expect(choices).toBeVisible();
  await expect(choices.locator("svg")).toHaveCount(1);
  // Nothing is asked: the banner's UI, which would have been requested as soon as the decision
  // was read, before the control's module (after the parsed page's first frame), never was.
  expect(requested.filter((p) => /^\/sdk\/(ui-|lang\/)/.test(p))).toEqual([]);
  await expect(page.locator("#assent-ui")).toHaveCount(0);

  await choices.click();
  const optOut = choicesPage(page).getByRole("button", { name: OPT_OUT });
  await expect(optOut).toBeVisible();
  // The pixel had run: stopping it takes a reload.
  const reloaded = page.waitForEvent("load");
  await optOut.click();
  await reloaded;
  await pageReady(page);
  expect(await visit.requests("ga")).toBe(2);
  expect(await visit.requests("meta")).toBe(1);

  const stored = await storedReceipt(admin, page, key, "opt-out");
  expect(stored).toMatchObject({
    ruleId: "us-states",
    jurisdiction: "US",
    subdivision: "US-CA",
    gpc: false,
  });
  expect(stored.decision.categories).toMatchObject({ marketing: false, analytics: true });
  expect(stored.decision.services["meta-pixel"]).toBe(false);

  await choicesButton(page).click();
  // The record's wording for the method ("Opted out of sale or sharing" in the English texts).
  await expect(choicesPage(page).getByRole("status")).toHaveText(/^Opted out of sale/);
  await expect(choicesPage(page).getByRole("button", { name: OPT_OUT })).toHaveCount(0);
});

test.describe("with Global Privacy Control", () => {
  test("a visitor from US-CA: the Meta pixel is never requested, GA runs, the gpc opt-out is logged and shown as honoured", async ({
    visitorFrom,
    admin,
  }) => {
    const context = await visitorFrom("US-CA");
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true }),
    );
    await context.setExtraHTTPHeaders({ "Sec-GPC": "1" });
    const page = await context.newPage();
    const sent = nextReceipt(page);
    const visit = await visitRuledSite(page, key, { analytics: true, opener: false });
    expect(await visit.requests("meta")).toBe(0);
    expect(await visit.requests("ga")).toBe(1);
    expect(await counterRan(page)).toBe(true);
    expect(await scopedDefault(page)).toMatchObject({
      analytics_storage: "granted",
      ad_storage: "denied",
      ad_user_data: "denied",
      ad_personalization: "denied",
    });

    const stored = await findReceipt(admin, (await sent).id, key);
    expect(stored).toMatchObject({
      method: "gpc",
      gpc: true,
      gpcHeader: true,
      ruleId: "us-states",
      jurisdiction: "US",
      subdivision: "US-CA",
    });
    expect(stored?.decision.categories).toMatchObject({ marketing: false, analytics: true });
    await expect(bannerOf(page)).toHaveCount(0);

    await choicesButton(page).click();
    await expect(choicesPage(page).getByRole("status")).toHaveText("Opt-out request honoured");
    await expect(choicesPage(page).getByRole("button", { name: OPT_OUT })).toHaveCount(0);
    expect(await visit.requests("meta")).toBe(0);
  });
});
