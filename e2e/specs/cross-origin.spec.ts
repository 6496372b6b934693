import { decodeConsentCookie, type StoredReceipt } from "@assent/core";
import type { BrowserContext, Page, Response } from "@playwright/test";
import { findReceipt } from "../fixtures/admin";
import { demoLikeConfig, openSitePage, publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { consentOrigin, customerOrigin, customerPage, otherOrigin } from "../fixtures/topology";
import { bannerOf } from "../fixtures/ui";

/**
 * The customer's page is on its own origin (https://www.guild.test) and everything of Assent's
 * comes from the consent host (https://consent.assent.test, Caddy, two instances): the loader
 * by a script tag, then the UI, language, outbox and placeholder modules by `import()`, which a
 * browser fetches with CORS, and the receipts by `fetch`, also with CORS.
 */

/** Console errors about Assent's files and failed requests to the consent host. */
function watchRefusals(page: Page): string[] {
  const refusals: string[] = [];
  page.on("console", (m) => {
    const about = `${m.text()} ${m.location().url}`;
    if (
      /CORS|Cross-Origin/i.test(about) ||
      (m.type() === "error" && about.includes(consentOrigin()))
    )
      refusals.push(about);
  });
  page.on("requestfailed", (r) => {
    if (r.url().startsWith(consentOrigin())) refusals.push(`${r.url()}: ${r.failure()?.errorText}`);
  });
  return refusals;
}

const isReceiptPost = (r: Response) =>
  r.url() === `${consentOrigin()}/v1/receipts` && r.request().method() === "POST";

async function consentRecord(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === "assent");
  const record = decodeConsentCookie(cookie?.value);
  if (!record) throw new Error("no consent cookie");
  return record;
}

test("on the customer's own origin the banner appears and the receipt is stored", async ({
  page,
  thirdParty,
  admin,
}) => {
  const refusals = watchRefusals(page);
  await page.goto(customerPage("/"));
  expect(new URL(page.url()).origin).toBe(customerOrigin());
  await expect(bannerOf(page)).toBeVisible();
  // The site's own policy, on the site's own origin.
  const policy = await bannerOf(page)
    .getByRole("link", { name: "Privacy policy" })
    .evaluate((a) => (a as HTMLAnchorElement).href);
  expect(policy).toBe(customerPage("/privacy.html"));
  expect((await admin.request.get(policy)).status()).toBe(200);

  const answered = page.waitForResponse(isReceiptPost);
  await bannerOf(page).getByRole("button", { name: "Accept all" }).click();
  const response = await answered;
  expect(response.status()).toBe(201);
  // Readable by the customer's page: the SDK learns its receipt was stored.
  expect(response.headers()["access-control-allow-origin"]).toBe(customerOrigin());
  const receipt = (await response.json()) as StoredReceipt;
  await expect(bannerOf(page)).toBeHidden();
  await expect.poll(() => thirdParty.count("googletagmanager.com")).toBe(1);

  const logged = await findReceipt(admin, receipt.id);
  expect(logged).toMatchObject({ id: receipt.id, method: "accept-all", siteKey: "demo" });
  expect(logged?.proof?.signature).toBeTruthy();
  expect((await consentRecord(page.context())).receiptId).toBe(receipt.id);
  expect(refusals).toEqual([]);
});

test("the loader and the UI, language, placeholder and outbox modules load cross-origin, with CORS, in Brotli through the proxy", async ({
  page,
  admin,
}) => {
  const key = siteKey("chunks");
  await publishSite(admin, key, demoLikeConfig());
  const refusals = watchRefusals(page);
  const modules: Response[] = [];
  const loaders: Response[] = [];
  page.on("response", (r) => {
    if (r.url().startsWith(`${consentOrigin()}/sdk/`)) modules.push(r);
    if (r.url() === `${consentOrigin()}/s/${key}.js`) loaders.push(r);
  });

  await openSitePage(page, key, {
    lang: "fr",
    body: `<iframe id="video" width="560" height="315" data-category="embeds" data-service="youtube"
      data-src="https://www.youtube-nocookie.com/embed/cors00001"></iframe>`,
  });
  const banner = bannerOf(page, "Cookies sur ce site");
  await expect(banner).toBeVisible();
  // The placeholder speaks the page's language too.
  await expect(
    page.frameLocator("#video").getByRole("button", { name: "Charger cette fois seulement" }),
  ).toBeVisible();
  const stored = page.waitForResponse(isReceiptPost);
  await banner.getByRole("button", { name: "Tout refuser" }).click();
  expect((await stored).status()).toBe(201);
  await expect
    .poll(() =>
      page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("assent:q"))),
    )
    .toBe(false);

  const paths = modules.map((r) => new URL(r.url()).pathname);
  for (const chunk of [
    /^\/sdk\/ui-/,
    /^\/sdk\/lang\/fr[-.]/,
    /^\/sdk\/embed-placeholder[-.]/,
    /^\/sdk\/outbox[-.]/,
  ]) {
    expect(
      paths.some((p) => chunk.test(p)),
      `${chunk} in ${paths.join(", ")}`,
    ).toBe(true);
  }
  expect(loaders).toHaveLength(1);
  for (const r of [...loaders, ...modules]) {
    expect(r.status(), r.url()).toBe(200);
    expect(r.headers()["access-control-allow-origin"], r.url()).toBe("*");
    expect(r.headers()["cross-origin-resource-policy"], r.url()).toBe("cross-origin");
    // Coded once by the instance at Brotli's strongest; Caddy's `encode` passes it through.
    expect(r.headers()["content-encoding"], r.url()).toBe("br");
  }
  // The loader as sent (Resource Timing: the consent host sends `Timing-Allow-Origin`).
  const [loader] = loaders as [Response];
  const decoded = (await loader.body()).length;
  const sent = await page.evaluate(
    (url) =>
      (performance.getEntriesByName(url)[0] as PerformanceResourceTiming | undefined)
        ?.encodedBodySize ?? 0,
    loader.url(),
  );
  console.log(`[size] /s/${key}.js as sent: ${sent} B of ${decoded} B decoded`);
  expect(sent).toBeGreaterThan(0);
  expect(sent).toBeLessThan(decoded / 2);
  expect(refusals).toEqual([]);
});

test.describe("a site that is not among the demo's allowed origins", () => {
  test("shows the banner, but its receipt is refused with 403 ORIGIN_NOT_ALLOWED and not stored", async ({
    page,
    thirdParty,
    admin,
  }) => {
    await page.goto(`${otherOrigin()}/`);
    await expect(bannerOf(page)).toBeVisible();
    const posted = page.waitForRequest(
      (r) => r.url() === `${consentOrigin()}/v1/receipts` && r.method() === "POST",
    );
    await bannerOf(page).getByRole("button", { name: "Accept all" }).click();
    const request = await posted;
    expect(await request.headerValue("origin")).toBe(otherOrigin());
    // Whether or not the page may read the answer (the next test), it is a refusal.
    const response = await request.response();
    if (response) expect(response.status()).toBe(403);
    // The same receipt from the same origin, read from outside the browser: what was answered.
    const replayed = await admin.request.post("/v1/receipts", {
      headers: { Origin: otherOrigin(), "Content-Type": "text/plain;charset=UTF-8" },
      data: request.postData() ?? "",
    });
    expect(replayed.status()).toBe(403);
    expect(((await replayed.json()) as { error: { code: string } }).error.code).toBe(
      "ORIGIN_NOT_ALLOWED",
    );
    const { receiptId } = await consentRecord(page.context());
    expect(JSON.parse(request.postData() ?? "{}").id).toBe(receiptId);
    expect(await findReceipt(admin, receiptId)).toBeUndefined();
    // The visitor's choice still applies on the page.
    await expect.poll(() => thirdParty.count("googletagmanager.com")).toBe(1);
  });

  test("the SDK can read the refusal, so it stops sending that receipt", async ({
    page,
    thirdParty,
  }) => {
    const warnings: string[] = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.url() === `${consentOrigin()}/v1/receipts` && r.method() === "POST")
        posts.push(r.url());
    });
    await page.goto(`${otherOrigin()}/`);
    await bannerOf(page).getByRole("button", { name: "Reject all" }).click();
    await expect.poll(() => warnings.join("\n")).toMatch(/refused: 403/);
    await expect
      .poll(() =>
        page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("assent:q"))),
      )
      .toBe(false);
    // A refusal it could not read would be retried after 1 s, 2 s, 4 s...
    await page.waitForTimeout(2_500);
    expect(posts).toHaveLength(1);
    expect(thirdParty.hosts()).toEqual([]);
  });
});
