import { decisionApplied, returningVisitDone } from "../fixtures/loader";
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
  // Everything the loader does for a returning visitor is done: the decision applied, then
  // (after the parsed page's first frame) the floating button offered or not.
  await returningVisitDone(page);
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
  // The floating button is the last thing the loader fetches: what it asks for before (the
  // banner, its language, the outbox) has been asked for by now.
  expect(sdkFiles()).toEqual([
    `GET ${sitePagePath(`${key}-bare`)}`,
    `GET /s/${key}.js`,
    "GET /sdk/floating-button-HASH.js",
  ]);
  await expect(page.locator("#assent-ui")).toHaveCount(0);
});

test("a returning visitor's decision is read without blocking the page on document.cookie, and applied", async ({
  page,
  thirdParty,
  admin,
}) => {
  const key = siteKey("cookie-store");
  await publishSite(admin, key, demoLikeConfig());
  const ga = `<script type="text/plain" data-category="analytics" data-service="google-analytics"
    src="https://www.googletagmanager.com/gtag/js?id=G-STORE"></script>`;
  await openSitePage(page, key, { body: ga });
  const stored = nextReceipt(page);
  await bannerOf(page).getByRole("button", { name: "Accept all" }).click();
  await stored;
  await outboxSettled(page);

  // Every read of document.cookie on the next page view, with the script that made it.
  await page.addInitScript(() => {
    const own = Object.getOwnPropertyDescriptor(Document.prototype, "cookie") as PropertyDescriptor;
    const reads: string[] = [];
    (window as { __cookieReads?: string[] }).__cookieReads = reads;
    Object.defineProperty(Document.prototype, "cookie", {
      ...own,
      get() {
        reads.push(new Error().stack ?? "");
        return own.get?.call(this);
      },
    });
  });
  const before = thirdParty.count("googletagmanager.com");
  await page.reload();
  // The decision applied: Consent Mode's update, the analytics tag run.
  await expect.poll(() => thirdParty.count("googletagmanager.com")).toBe(before + 1);
  const update = await page.evaluate(() => {
    const layer = (window as { dataLayer?: IArguments[] }).dataLayer ?? [];
    return layer.map((c) => [...c]).find((c) => c[0] === "consent" && c[1] === "update")?.[2];
  });
  expect(update).toMatchObject({ analytics_storage: "granted" });
  expect(await page.evaluate(() => window.assent?.has("analytics"))).toBe(true);
  // ...read through the Cookie Store API: the loader never read document.cookie.
  const loaderReads = await page.evaluate(
    (path) =>
      (window as { __cookieReads?: string[] }).__cookieReads?.filter((s) => s.includes(path)),
    `/s/${key}.js`,
  );
  expect(loaderReads).toEqual([]);
});

test("a single-page app's view rendered after load gets the decision applied when it calls assent.apply()", async ({
  page,
  thirdParty,
  admin,
}) => {
  const key = siteKey("spa");
  await publishSite(admin, key, demoLikeConfig());
  await openSitePage(page, key);
  const stored = nextReceipt(page);
  await bannerOf(page).getByRole("button", { name: "Accept all" }).click();
  await stored;
  await outboxSettled(page);
  await page.reload();
  // The decision applied, and the gates' pass over the parsed page started: what the app
  // renders from now on is not in it.
  await decisionApplied(page);

  // The app renders a view of its own: a gated tag and a gated embed, after the page was parsed.
  const before = thirdParty.count("googletagmanager.com");
  await page.evaluate(() => {
    const view = document.createElement("section");
    view.innerHTML = `<iframe data-src="https://www.youtube.com/embed/spa" data-category="embeds"
      data-service="youtube" width="320" height="180" title="A video of the new view"></iframe>`;
    const tag = document.createElement("script");
    tag.type = "text/plain";
    tag.dataset.category = "analytics";
    tag.dataset.service = "google-analytics";
    tag.dataset.src = "https://www.googletagmanager.com/gtag/js?id=G-SPA";
    view.append(tag);
    document.querySelector("main")?.append(view);
  });
  const frame = page.getByTitle("A video of the new view");
  await expect(frame).not.toHaveAttribute("src", /./);
  expect(thirdParty.count("googletagmanager.com")).toBe(before);

  await page.evaluate(() => window.assent?.apply());
  await expect(frame).toHaveAttribute("src", "https://www.youtube-nocookie.com/embed/spa");
  await expect.poll(() => thirdParty.count("googletagmanager.com")).toBe(before + 1);
  // Applied again (the app's next view): nothing runs twice.
  await page.evaluate(() => window.assent?.apply());
  await page.waitForTimeout(300);
  expect(thirdParty.count("googletagmanager.com")).toBe(before + 1);
});
