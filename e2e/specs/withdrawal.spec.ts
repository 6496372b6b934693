import type { Page } from "@playwright/test";
import { demoLikeConfig, openSitePage, publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { bannerOf, nextReceipt } from "../fixtures/ui";

const TRACKERS = /^(_ga|_ga_.+|_gid|_fbp)$/;

/** Google Analytics and the Meta pixel, gated as on the demo's campaigns page. */
const TAGS = `
<script type="text/plain" data-category="analytics" data-service="google-analytics"
  data-src="https://www.googletagmanager.com/gtag/js?id=G-DEMO123456"></script>
<script type="text/plain" data-category="analytics" data-service="google-analytics">
  window.dataLayer = window.dataLayer || [];
  function gtag(){ dataLayer.push(arguments); }
  gtag("js", new Date());
  gtag("config", "G-DEMO123456");
</script>
<script type="text/plain" data-category="marketing" data-service="meta-pixel">
  !function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?
  n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;
  n.push=n;n.loaded=!0;n.version="2.0";n.queue=[];t=b.createElement(e);t.async=!0;
  t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,
  document,"script","https://connect.facebook.net/en_US/fbevents.js");
  fbq("init", "000000000000001");
</script>`;

/** A site listing the two services `TAGS` gates. */
const tagged = () =>
  demoLikeConfig({
    services: [
      { id: "google-analytics", category: "analytics" },
      { id: "meta-pixel", category: "marketing" },
    ],
  });

/**
 * Withdrawal on the customer's real domain with a parent: the page is on www.guild.test (its
 * own folder, /e2e/), so trackers set their cookies on the parent domain as they do in the wild
 * (`.guild.test`), next to host-only ones and one on the page's own path.
 */
test("withdrawal removes _ga, _ga_*, _gid and _fbp from the host and the parent domain", async ({
  page,
  context,
  thirdParty,
  admin,
}) => {
  const key = siteKey("withdraw");
  await publishSite(admin, key, tagged());
  await openSitePage(page, key, { head: TAGS });
  await page.evaluate(() => window.assent?.acceptAll());
  await expect
    .poll(() =>
      page.evaluate(() => {
        const w = window as { __gaLoaded?: number; __fbLoaded?: number };
        return [w.__gaLoaded, w.__fbLoaded];
      }),
    )
    .toEqual([1, 1]);
  // Host-only copies and one on the page's own path, as older tags or a move of domain leave them.
  await context.addCookies([
    { name: "_ga", value: "GA1.1.old", domain: "www.guild.test", path: "/" },
    { name: "_fbp", value: "fb.1.old", domain: "www.guild.test", path: "/e2e" },
  ]);

  const trackers = async () =>
    (await context.cookies())
      .filter((c) => TRACKERS.test(c.name))
      .map((c) => `${c.name} ${c.domain}${c.path}`)
      .sort();
  expect(await trackers()).toEqual([
    "_fbp .guild.test/",
    "_fbp www.guild.test/e2e",
    "_ga .guild.test/",
    "_ga www.guild.test/",
    "_ga_DEMO123456 .guild.test/",
    "_gid www.guild.test/",
  ]);

  // Read in the withdrawal's own task: the trackers had run, so the page then reloads
  // (reloadOnWithdraw, on by default), which is what stops them.
  const reloaded = page.waitForEvent("load");
  const { withdrawn, layer } = await page.evaluate(() => {
    let withdrawn: string[] = [];
    window.addEventListener("assent:change", (e) => {
      withdrawn = (e as CustomEvent<{ withdrawn: string[] }>).detail.withdrawn;
    });
    window.assent?.withdraw();
    const layer = (window as { dataLayer?: Array<{ event?: string }> }).dataLayer ?? [];
    return { withdrawn, layer: layer.map((e) => e.event) };
  });
  expect(withdrawn).toEqual(expect.arrayContaining(["google-analytics", "meta-pixel"]));
  expect(layer.filter((e) => e === "assent_update")).toHaveLength(2);
  await reloaded;
  // Gone, and not set again by the reloaded page.
  expect(await trackers()).toEqual([]);
  // The visitor's own choice stays, and so does everything that is not a tracker's.
  expect((await context.cookies()).map((c) => c.name)).toContain("assent");
  expect(thirdParty.hosts().sort()).toEqual(["connect.facebook.net", "www.googletagmanager.com"]);
});

test("a choice in one tab applies in the site's other open tabs: consent starts their tags, a withdrawal stops them", async ({
  page,
  context,
  thirdParty,
  admin,
}) => {
  const key = siteKey("tabs");
  await publishSite(admin, key, tagged());
  const gaRuns = (p: Page) => p.evaluate(() => (window as { __gaLoaded?: number }).__gaLoaded);
  await openSitePage(page, key, { head: TAGS });
  const other = await context.newPage();
  const receiptsFromOther: string[] = [];
  other.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/v1/receipts")) receiptsFromOther.push(r.url());
  });
  await openSitePage(other, key, { head: TAGS, file: `${key}-other` });
  await expect(bannerOf(other)).toBeVisible();

  // The visitor answers in the first tab: the other one closes its banner and runs the tags.
  const stored = nextReceipt(page);
  await bannerOf(page).getByRole("button", { name: "Accept all" }).click();
  await stored;
  await expect(bannerOf(other)).toBeHidden();
  await expect.poll(() => gaRuns(other)).toBe(1);
  expect(await other.evaluate(() => window.assent?.has("analytics"))).toBe(true);
  // That tab logged the choice; this one sends no receipt of its own.
  expect(receiptsFromOther).toEqual([]);

  // Withdrawn in the other tab: the first, where GA ran, reloads (reloadOnWithdraw) and stops.
  const reloaded = page.waitForEvent("load");
  await other.evaluate(() => window.assent?.withdraw());
  await reloaded;
  expect(await page.evaluate(() => window.assent?.has("analytics"))).toBe(false);
  expect(await gaRuns(page)).toBeUndefined();
  await expect(bannerOf(page)).toBeHidden();
  expect(thirdParty.count("googletagmanager.com")).toBe(2);
});

test("a site's change listener that throws stops nothing: the other listeners, the way back, the reload", async ({
  page,
  thirdParty,
  admin,
}) => {
  const key = siteKey("listener-throws");
  await publishSite(admin, key, tagged());
  const uncaught: string[] = [];
  page.on("pageerror", (e) => uncaught.push(e.message));
  await openSitePage(page, key, {
    head: TAGS,
    opener: false,
    body: `<script>
  window.__heard = [];
  window.assent.on("change", () => { throw new Error("the site's own bug"); });
  window.assent.on("change", ({ method }) => window.__heard.push(method));
</script>`,
  });
  const heard = () => page.evaluate(() => (window as { __heard?: string[] }).__heard);
  // The choice resolves, the next listener hears it, and the error is the page's, reported.
  expect(
    await page.evaluate(() =>
      (window as unknown as { assent: { acceptAll(): Promise<void> } }).assent
        .acceptAll()
        .then(() => "resolved"),
    ),
  ).toBe("resolved");
  expect(await heard()).toEqual(["accept-all"]);
  expect(uncaught).toContain("the site's own bug");
  // The way back is offered.
  await expect(
    page.locator("#assent-button").getByRole("button", { name: "Cookie settings" }),
  ).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => (window as { __gaLoaded?: number }).__gaLoaded))
    .toBe(1);

  // A withdrawal resolves too, and reloads the page, which stops what ran.
  const reloaded = page.waitForEvent("load");
  await page.evaluate(() => {
    (window as unknown as { assent: { withdraw(): Promise<void> } }).assent.withdraw().then(
      () =>
        sessionStorage.setItem(
          "withdrawn",
          `resolved ${(window as { __heard?: string[] }).__heard}`,
        ),
      (e: Error) => sessionStorage.setItem("withdrawn", `rejected ${e.message}`),
    );
  });
  await reloaded;
  expect(await page.evaluate(() => sessionStorage.getItem("withdrawn"))).toBe(
    "resolved accept-all,withdraw",
  );
  expect(await page.evaluate(() => (window as { __gaLoaded?: number }).__gaLoaded)).toBeUndefined();
  expect(thirdParty.count("googletagmanager.com")).toBe(1);
});
