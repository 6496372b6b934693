import type { Page } from "@playwright/test";
import { demoLikeConfig, openSitePage, publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { consentOrigin, customerPage } from "../fixtures/topology";
import { bannerOf, nextReceipt, preferencesOf } from "../fixtures/ui";

test("works on a page with a strict Content-Security-Policy, with no violation", async ({
  page,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as { __violations?: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(customerPage("/strict-csp.html"));
  const banner = bannerOf(page);
  await expect(banner).toBeVisible();
  // Styled through the adopted stylesheet: a fixed bar, not unstyled text in the flow.
  expect(await banner.evaluate((el) => getComputedStyle(el).position)).toBe("fixed");
  // The site's own CSS does not leak in: the host page's button styles stop at the shadow root.
  await banner.getByRole("button", { name: "Manage preferences" }).click();
  await expect(preferencesOf(page)).toBeVisible();
  const receipt = nextReceipt(page);
  await preferencesOf(page).getByRole("button", { name: "Accept all" }).click();
  expect((await receipt).method).toBe("accept-all");
  await expect
    .poll(() => page.evaluate(() => (window as { __gaConfigured?: boolean }).__gaConfigured))
    .toBe(true);
  expect(await page.evaluate(() => (window as { __violations?: string[] }).__violations)).toEqual(
    [],
  );
});

/**
 * Every Content-Security-Policy violation in the page and in its same-origin frames (an embed's
 * placeholder is one, and inherits the page's policy), as `top.__violations`.
 */
const watchViolations = (page: Page) =>
  page.addInitScript(() => {
    type Sink = { __violations?: string[] };
    let sink: string[];
    try {
      const top = window.top as unknown as Sink;
      top.__violations ??= [];
      sink = top.__violations;
    } catch {
      return;
    }
    document.addEventListener("securitypolicyviolation", (e) =>
      sink.push(`${e.violatedDirective} ${e.blockedURI} ${location.href}`),
    );
  });
const violations = (page: Page) =>
  page.evaluate(() => (window as { __violations?: string[] }).__violations ?? []);

/** A CSP `<meta>` for a page of the customer's site that loads Assent from the consent host. */
const policy = (directives: string) =>
  `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${consentOrigin()} https://www.googletagmanager.com 'nonce-e2e'; connect-src 'self' ${consentOrigin()}; img-src 'self' data:; style-src 'self'; frame-src https://www.youtube-nocookie.com; ${directives}">`;

const YOUTUBE = `<iframe id="yt" data-src="https://www.youtube.com/embed/x" data-category="embeds"
  data-service="youtube" width="560" height="315" title="Keynote (YouTube)"></iframe>`;

test("styles a held embed's placeholder under style-src 'self', with no violation", async ({
  page,
  admin,
}) => {
  const key = siteKey("csp-embed");
  await publishSite(admin, key, demoLikeConfig());
  await watchViolations(page);
  await openSitePage(page, key, { first: policy(""), body: YOUTUBE });
  await expect(bannerOf(page)).toBeVisible();
  const placeholder = page.frameLocator("#yt").locator("body");
  await expect(placeholder.getByRole("button", { name: "Load this once" })).toBeVisible();
  expect(
    await placeholder.evaluate((body) => {
      const style = getComputedStyle(body);
      return [style.backgroundColor, style.fontSize, style.textAlign];
    }),
  ).toEqual(["rgb(238, 238, 238)", "14px", "center"]);
  expect(await violations(page)).toEqual([]);
});

test.describe("a page that requires Trusted Types", () => {
  const TAGS = `<script type="text/plain" data-category="analytics" data-service="google-analytics"
    data-src="https://www.googletagmanager.com/gtag/js?id=G-DEMO123456"></script>
  <script type="text/plain" data-category="analytics" data-service="google-analytics" nonce="e2e">
    window.__inlineRan = true;
  </script>
  <img id="pixel" data-src="/e2e/pixel.gif" data-category="analytics" alt="">`;

  test("shows the banner and the placeholder (policy assent), and releases what follows a refused script", async ({
    page,
    admin,
    thirdParty,
  }) => {
    const key = siteKey("trusted-types");
    await publishSite(admin, key, demoLikeConfig());
    const reported: string[] = [];
    page.on("console", (m) => m.type() === "error" && reported.push(m.text()));
    await watchViolations(page);
    await openSitePage(page, key, {
      first: policy("require-trusted-types-for 'script'; trusted-types assent"),
      head: TAGS,
      body: YOUTUBE,
    });
    await expect(bannerOf(page)).toBeVisible();
    // The placeholder's HTML goes through the policy `assent`, which the page allows.
    const placeholder = page.frameLocator("#yt").locator("body");
    await expect(placeholder.getByRole("button", { name: "Load this once" })).toBeVisible();
    await bannerOf(page).getByRole("button", { name: "Accept all" }).click();
    // The page has no default policy: the gated scripts are refused (the external one's URL
    // throws, reported once; the inline one is blocked by the browser), and what follows them
    // is released all the same.
    await expect(page.locator("#pixel")).toHaveAttribute("src", "/e2e/pixel.gif");
    expect(await page.evaluate(() => (window as { __inlineRan?: boolean }).__inlineRan)).toBe(
      undefined,
    );
    expect(thirdParty.count("googletagmanager.com")).toBe(0);
    expect(reported.filter((text) => text.startsWith("[assent]"))).toHaveLength(1);
    // A later apply() goes on as well: the queue of gated content is not stuck.
    await page.evaluate(() => {
      const img = document.createElement("img");
      img.id = "later";
      img.dataset.src = "/e2e/later.gif";
      img.dataset.category = "analytics";
      document.body.append(img);
      (window as unknown as { assent: { apply(): void } }).assent.apply();
    });
    await expect(page.locator("#later")).toHaveAttribute("src", "/e2e/later.gif");
    expect(
      (await violations(page)).filter((v) => !v.startsWith("require-trusted-types-for")),
    ).toEqual([]);
  });

  test("runs the gated scripts where the site's default policy lets them", async ({
    page,
    admin,
    thirdParty,
  }) => {
    const key = siteKey("trusted-types-default");
    await publishSite(admin, key, demoLikeConfig());
    await openSitePage(page, key, {
      first: `${policy("require-trusted-types-for 'script'; trusted-types assent default")}
<script nonce="e2e">
  trustedTypes.createPolicy("default", {
    createScriptURL: (url) => url,
    createScript: (text) => text,
  });
</script>`,
      head: TAGS,
      body: YOUTUBE,
    });
    await bannerOf(page).getByRole("button", { name: "Accept all" }).click();
    await expect
      .poll(() => page.evaluate(() => (window as { __inlineRan?: boolean }).__inlineRan))
      .toBe(true);
    await expect.poll(() => thirdParty.count("googletagmanager.com")).toBe(1);
    await expect(page.locator("#pixel")).toHaveAttribute("src", "/e2e/pixel.gif");
  });
});
