import { runInNewContext } from "node:vm";
import type { Jurisdictions, LoaderBoot, StoredReceipt } from "@assent/core";
import type { APIResponse, Page } from "@playwright/test";
import { findReceipt } from "../fixtures/admin";
import type { Place } from "../fixtures/geo";
import { publishedConfig, sampleReceipt } from "../fixtures/receipts";
import { demoLikeConfig, openSitePage, publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { nextReceipt } from "../fixtures/ui";

/**
 * Rules per region in the topology visitors have: Caddy places each visitor from the address
 * they connect from (its stand-in for a GeoIP step, `setup/geo.ts`), the instances choose the
 * rule from Caddy's location headers only, and the loader that carries it is never shared
 * between regions.
 */

const JURISDICTIONS: Jurisdictions = {
  rules: [
    { id: "eu-eea", regions: ["EEA"], model: "opt-in" },
    { id: "uk", regions: ["UK"], model: "uk-exemptions" },
    { id: "us-states", regions: ["US-CA", "US-CO"], model: "opt-out" },
    { id: "elsewhere", regions: [], model: "opt-in" },
  ],
  otherwise: "elsewhere",
};

/** What the loader and the stored receipt say about a visitor from each place. */
const VISITORS: {
  place: Place;
  rule: string;
  jurisdiction: string | null;
  country: string | null;
  subdivision?: string;
}[] = [
  { place: "FR", rule: "eu-eea", jurisdiction: "FR", country: "FR" },
  { place: "GB", rule: "uk", jurisdiction: "GB", country: "GB" },
  { place: "US-CA", rule: "us-states", jurisdiction: "US-CA", country: "US", subdivision: "US-CA" },
  // A state no rule names falls to `otherwise`, placed all the same.
  { place: "US-TX", rule: "elsewhere", jurisdiction: "US-TX", country: "US", subdivision: "US-TX" },
  { place: "unknown", rule: "elsewhere", jurisdiction: null, country: null },
];

/** Every location header a CDN or a proxy of one's own may send, all claiming France. */
const SPOOFED_FR = {
  "X-Country-Code": "FR",
  "X-Region-Code": "IDF",
  "CF-IPCountry": "FR",
  "CF-Region-Code": "IDF",
  "CloudFront-Viewer-Country": "FR",
  "X-Vercel-IP-Country": "FR",
};

type Booted = { __assent_boot?: LoaderBoot; assent?: { acceptAll(): void } };

/** The `boot.rule` a loader answer carries. */
async function ruleIn(res: APIResponse): Promise<LoaderBoot["rule"]> {
  const line = /^window\.__assent_boot=.*;\n/m.exec(await res.text())?.[0];
  if (!line) throw new Error(`no boot in the loader (${res.status()})`);
  // Run as the browser runs it: the boot is a script's object literal, not JSON.
  const window: Booted = {};
  runInNewContext(line, { window });
  const rule = window.__assent_boot?.rule;
  return rule && JSON.parse(JSON.stringify(rule));
}

/** The `boot.rule` the page's loader ran with. */
const pageRule = (page: Page) =>
  page.evaluate(() => (window as unknown as Booted).__assent_boot?.rule);

let located: string;
let plain: string;
test.beforeAll(async ({ admin }) => {
  located = siteKey("regions");
  plain = siteKey("no-regions");
  await publishSite(admin, located, demoLikeConfig({ jurisdictions: JURISDICTIONS }));
  await publishSite(admin, plain, demoLikeConfig());
});

for (const visitor of VISITORS) {
  test(`a visitor from ${visitor.place} gets the ${visitor.rule} rule, and their receipt names it`, async ({
    visitorFrom,
    admin,
  }) => {
    const page = await (await visitorFrom(visitor.place)).newPage();
    await openSitePage(page, located);
    expect(await pageRule(page)).toMatchObject({
      id: visitor.rule,
      jurisdiction: visitor.jurisdiction,
    });

    await page.waitForFunction(() => !!(window as unknown as Booted).assent);
    const stored = nextReceipt(page);
    await page.evaluate(() => (window as unknown as Booted).assent?.acceptAll());
    const receipt = await stored;
    const logged = (await findReceipt(admin, receipt.id, located)) as StoredReceipt;
    expect(logged).toMatchObject({ jurisdiction: visitor.country, ruleId: visitor.rule });
    expect(logged.subdivision).toBe(visitor.subdivision);
  });
}

test("a located loader is private and varies on the location headers; one without rules is public and the same everywhere", async ({
  requestFrom,
}) => {
  const fromGB = await requestFrom("GB");
  const ruled = await fromGB.get(`/s/${located}.js`);
  expect(ruled.status()).toBe(200);
  expect(ruled.headers()["cache-control"]).toMatch(/^private\b/);
  const vary = (ruled.headers().vary ?? "").toLowerCase().split(/\s*,\s*/);
  expect(vary).toEqual(
    expect.arrayContaining(["x-country-code", "x-region-code", "cf-ipcountry", "cf-region-code"]),
  );

  const [gb, fr] = [
    await fromGB.get(`/s/${plain}.js`),
    await (await requestFrom("FR")).get(`/s/${plain}.js`),
  ];
  for (const res of [gb, fr]) {
    expect(res.headers()["cache-control"]).toMatch(/^public\b/);
    expect(await ruleIn(res)).toBeUndefined();
  }
  expect(await fr.text()).toBe(await gb.text());
});

test("a visitor's own location headers never choose their rule, in the loader or a receipt", async ({
  requestFrom,
}) => {
  const fromGB = await requestFrom("GB");
  expect(await ruleIn(await fromGB.get(`/s/${located}.js`, { headers: SPOOFED_FR }))).toEqual(
    expect.objectContaining({ id: "uk", jurisdiction: "GB" }),
  );
  // Where the proxy finds no country, the visitor's claim is dropped, not believed.
  const fromNowhere = await requestFrom("unknown");
  expect(await ruleIn(await fromNowhere.get(`/s/${located}.js`, { headers: SPOOFED_FR }))).toEqual(
    expect.objectContaining({ id: "elsewhere", jurisdiction: null }),
  );
  // Nor is a subdivision beside the proxy's country.
  const fromCA = await requestFrom("US-CA");
  const texan = { "X-Region-Code": "TX", "CF-Region-Code": "TX" };
  expect(await ruleIn(await fromCA.get(`/s/${located}.js`, { headers: texan }))).toEqual(
    expect.objectContaining({ id: "us-states", jurisdiction: "US-CA" }),
  );

  const published = await publishedConfig(fromGB, located);
  const res = await fromGB.post("/v1/receipts", {
    headers: SPOOFED_FR,
    data: sampleReceipt(located, published),
  });
  expect(res.status(), await res.text()).toBe(201);
  const stored = (await res.json()) as StoredReceipt;
  expect(stored).toMatchObject({ jurisdiction: "GB", ruleId: "uk" });
  expect(stored.subdivision).toBeUndefined();
});

test("a revalidation from another region with the first region's ETag gets that region's loader, never a 304", async ({
  requestFrom,
}) => {
  const path = `/s/${located}.js`;
  const fromFR = await requestFrom("FR");
  const fromGB = await requestFrom("GB");
  const frTag = (await fromFR.get(path)).headers().etag as string;
  const gbTag = (await fromGB.get(path)).headers().etag as string;
  expect(frTag).toBeTruthy();
  expect(gbTag).not.toBe(frTag);

  const crossed = await fromGB.get(path, { headers: { "If-None-Match": frTag } });
  expect(crossed.status()).toBe(200);
  expect(await ruleIn(crossed)).toEqual(expect.objectContaining({ id: "uk" }));
  // The same revalidation in its own region is answered 304: the check above can fail.
  const own = await fromFR.get(path, { headers: { "If-None-Match": frTag } });
  expect(own.status()).toBe(304);
});
