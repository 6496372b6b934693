import type { Locator, Page } from "@playwright/test";
import { findReceipt } from "../fixtures/admin";
import type { Place } from "../fixtures/geo";
import {
  consentDefaults,
  counterRan,
  pageReady,
  ruledSiteConfig,
  storedReceipt,
  type Visit,
  visitCookie,
  visitRuledSite,
} from "../fixtures/ruled-site";
import { createSite, publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { bannerOf, nextReceipt, preferencesOf } from "../fixtures/ui";

/**
 * Visitors from France, the UK and nowhere on the customer's own page, each placed by Caddy from
 * the address they connect from, on a site with the preset rules: a first-party visit counter
 * claiming the UK statistics exemption, Google Analytics with Signals in a category that asks
 * first, the Meta pixel in marketing. Every tracker load is a real request to the recording stub.
 */

let key: string;
/** The site without Google Analytics, and without a reload after a withdrawal. */
let quiet: string;
test.beforeAll(async ({ admin }) => {
  key = siteKey("visitors");
  quiet = siteKey("visitors-quiet");
  await publishSite(admin, key, ruledSiteConfig({ analytics: true }));
  await publishSite(admin, quiet, ruledSiteConfig({ analytics: false, reloadOnWithdraw: false }));
});

type Marked = { __before?: boolean };
/** Marks the current document, so a reload (a new document) can be told from none. */
const mark = (page: Page) => page.evaluate(() => ((window as Marked).__before = true));
const marked = (page: Page) => page.evaluate(() => (window as Marked).__before === true);

/** Clicks `target` and waits for the page to load again and run its allowed tags. */
async function clickAndReload(page: Page, target: Locator) {
  const reloaded = page.waitForEvent("load");
  await target.click();
  await reloaded;
  await pageReady(page);
}

/** A button's look: the first layer gives every choice the same weight. */
const look = (button: Locator) =>
  button.evaluate((el) => {
    const s = getComputedStyle(el);
    const { height } = el.getBoundingClientRect();
    return [s.backgroundColor, s.color, s.fontSize, s.fontWeight, s.borderRadius, height];
  });

/** Nothing but `necessary` ran: no visit counter, no cookie of its, no tracker requested. */
async function expectNothingRan(page: Page, visit: Visit) {
  expect(await counterRan(page)).toBe(false);
  expect(await visitCookie(page)).toBeUndefined();
  expect(await visit.requests("ga")).toBe(0);
  expect(await visit.requests("meta")).toBe(0);
}

const OPT_IN: { place: Place; who: string; rule: string; country: string | null }[] = [
  { place: "FR", who: "a visitor from FR", rule: "eu-eea", country: "FR" },
  // No country from the proxy: the strictest rule, as in France.
  { place: "unknown", who: "a visitor with no country", rule: "elsewhere", country: null },
];

for (const { place, who, rule, country } of OPT_IN) {
  test(`${who}: nothing runs before a choice and nothing offers an objection; the ${rule} rule is logged`, async ({
    visitorFrom,
    admin,
  }) => {
    const page = await (await visitorFrom(place)).newPage();
    const visit = await visitRuledSite(page, key, { analytics: true });
    const banner = bannerOf(page);
    await expect(banner).toBeVisible();
    await expectNothingRan(page, visit);
    await expect(banner.getByRole("button")).toHaveText([
      "Accept all",
      "Reject all",
      "Manage preferences",
    ]);
    await expect(banner.getByText(/object/i)).toHaveCount(0);

    const sent = nextReceipt(page);
    await banner.getByRole("button", { name: "Reject all" }).click();
    const stored = await findReceipt(admin, (await sent).id, key);
    expect(stored).toMatchObject({ method: "reject-all", ruleId: rule, jurisdiction: country });
    expect(stored?.decision.categories).toMatchObject({ statistics: false, marketing: false });
    // The refusal holds on the next page view, the counter included: its exemption is the UK's.
    await page.reload();
    await pageReady(page);
    await expectNothingRan(page, visit);

    await page.getByRole("button", { name: "Cookie settings" }).click();
    const accepted = nextReceipt(page);
    await preferencesOf(page).getByRole("button", { name: "Accept all" }).click();
    expect(await findReceipt(admin, (await accepted).id, key)).toMatchObject({
      method: "accept-all",
      ruleId: rule,
    });
    await expect.poll(() => visit.requests("ga")).toBe(1);
    await expect.poll(() => visit.requests("meta")).toBe(1);
    await expect.poll(() => counterRan(page)).toBe(true);
  });
}

test("a visitor from GB: the exempt counter runs before a choice, GA with Signals does not; Object stops it, deletes its cookie and is logged under the uk rule", async ({
  visitorFrom,
  admin,
}) => {
  const page = await (await visitorFrom("GB")).newPage();
  const visit = await visitRuledSite(page, key, { analytics: true });
  expect(await counterRan(page)).toBe(true);
  expect(await visitCookie(page)).toBe("1");
  expect(await visit.requests("ga")).toBe(0);
  expect(await visit.requests("meta")).toBe(0);

  const banner = bannerOf(page);
  await expect(banner.getByText(/You can object at any time/)).toBeVisible();
  await expect(banner.getByRole("button")).toHaveText([
    "Accept all",
    "Reject all",
    "Manage preferences",
    "Object",
  ]);
  const object = banner.getByRole("button", { name: "Object", exact: true });
  expect(await look(object)).toEqual(
    await look(banner.getByRole("button", { name: "Accept all" })),
  );

  // The counter's script has run, so stopping it takes a reload (`reloadOnWithdraw` unset).
  await mark(page);
  await clickAndReload(page, object);
  expect(await marked(page)).toBe(false);
  expect(await counterRan(page)).toBe(false);
  expect(await visitCookie(page)).toBeUndefined();
  expect(await visit.requests("ga")).toBe(0);
  await expect(bannerOf(page)).toHaveCount(0);

  const stored = await storedReceipt(admin, page, key, "object");
  expect(stored).toMatchObject({ ruleId: "uk", jurisdiction: "GB" });
  expect(stored.decision.categories).toMatchObject({ statistics: false, analytics: false });
  expect(stored.decision.services["visit-counter"]).toBe(false);
});

test("a visitor from GB: Reject all keeps the exempt counter and GA blocked; Accept all later loads GA", async ({
  visitorFrom,
  admin,
}) => {
  const page = await (await visitorFrom("GB")).newPage();
  const visit = await visitRuledSite(page, key, { analytics: true });
  const sent = nextReceipt(page);
  await mark(page);
  await bannerOf(page).getByRole("button", { name: "Reject all" }).click();
  const rejected = await findReceipt(admin, (await sent).id, key);
  expect(rejected).toMatchObject({ method: "reject-all", ruleId: "uk", jurisdiction: "GB" });
  expect(rejected?.decision.categories).toMatchObject({ statistics: true, analytics: false });
  // Refusing consent is not objecting: no reload, the counter's cookie stays.
  expect(await marked(page)).toBe(true);
  expect(await visitCookie(page)).toBe("1");

  await page.reload();
  await pageReady(page);
  expect(await counterRan(page)).toBe(true);
  expect(await visitCookie(page)).toBe("2");
  expect(await visit.requests("ga")).toBe(0);
  expect(await visit.requests("meta")).toBe(0);

  await page.getByRole("button", { name: "Cookie settings" }).click();
  const accepted = nextReceipt(page);
  await preferencesOf(page).getByRole("button", { name: "Accept all" }).click();
  expect(await findReceipt(admin, (await accepted).id, key)).toMatchObject({
    method: "accept-all",
    ruleId: "uk",
  });
  await expect.poll(() => visit.requests("ga")).toBe(1);
  await expect.poll(() => visit.requests("meta")).toBe(1);
});

test("a visitor from GB: the preference centre shows the exempt switch on and objects too; without a reload the cookie is deleted at once", async ({
  visitorFrom,
  admin,
}) => {
  const page = await (await visitorFrom("GB")).newPage();
  await visitRuledSite(page, quiet, { analytics: false });
  expect(await visitCookie(page)).toBe("1");

  await bannerOf(page).getByRole("button", { name: "Manage preferences" }).click();
  const centre = preferencesOf(page);
  await expect(centre.getByRole("switch", { name: "statistics" })).toBeChecked();
  await expect(centre.getByRole("switch", { name: "marketing" })).not.toBeChecked();
  await expect(centre.getByText(/You can object at any time/)).toBeVisible();

  await mark(page);
  await centre.getByRole("button", { name: "Object", exact: true }).click();
  await expect(centre).toBeHidden();
  await expect.poll(() => visitCookie(page)).toBeUndefined();
  expect(await marked(page)).toBe(true);
  const stored = await storedReceipt(admin, page, quiet, "object");
  expect(stored).toMatchObject({ ruleId: "uk", jurisdiction: "GB" });

  await page.reload();
  await pageReady(page);
  expect(await counterRan(page)).toBe(false);
  expect(await visitCookie(page)).toBeUndefined();
});

test("Google Analytics with Signals cannot be filed under the UK statistics exemption", async ({
  admin,
}) => {
  const refused = siteKey("visitors-ga-exempt");
  await createSite(admin, refused);
  const config = ruledSiteConfig({ analytics: false });
  config.services.push({ id: "google-analytics", category: "statistics" });
  const saved = await admin.send("PUT", `/v1/admin/sites/${refused}/config/draft`, {
    ...config,
    siteKey: refused,
  });
  expect(saved.ok(), await saved.text()).toBe(true);
  const res = await admin.send("POST", `/v1/admin/sites/${refused}/config/publish`, {
    acknowledge: [],
  });
  expect(res.status()).toBe(422);
  expect(await res.text()).toMatch(/uk-exemption-not-qualifying.*google-analytics/);
});

test("Consent Mode: a GB visitor gets a GB-scoped default granting what the exemption runs, unless GA reads the same key; FR only the denied one", async ({
  visitorFrom,
}) => {
  const denied = {
    ad_storage: "denied",
    ad_user_data: "denied",
    ad_personalization: "denied",
    analytics_storage: "denied",
  };
  const defaultsOf = async (place: Place, site: string) => {
    const page = await (await visitorFrom(place)).newPage();
    await visitRuledSite(page, site, { analytics: site === key });
    return consentDefaults(page);
  };

  const [gb, fr, gbWithGa] = await Promise.all([
    defaultsOf("GB", quiet),
    defaultsOf("FR", quiet),
    defaultsOf("GB", key),
  ]);
  expect(gb).toHaveLength(2);
  expect(gb[0]).toMatchObject(denied);
  expect(gb[0]?.region).toBeUndefined();
  expect(gb[1]).toMatchObject({ ...denied, analytics_storage: "granted", region: ["GB"] });

  expect(fr).toHaveLength(1);
  expect(fr[0]).toMatchObject(denied);

  // GA with Signals reads analytics_storage too and must not store before consent.
  expect(gbWithGa).toHaveLength(1);
  expect(gbWithGa[0]).toMatchObject(denied);
});
