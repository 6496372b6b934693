import type { StoredReceipt } from "@assent/core";
import type { Page } from "@playwright/test";
import { findReceipt } from "../fixtures/admin";
import { gatesSettled } from "../fixtures/loader";
import { expect, test } from "../fixtures/test";
import { customerPage } from "../fixtures/topology";
import { placeholderShown } from "../fixtures/ui";

/** Every third party the seed sites run, counted on every page. */
const THIRD_PARTIES = [
  "googletagmanager.com",
  "google-analytics.com",
  "connect.facebook.net",
  "facebook.com",
  "platform.twitter.com",
  "youtube.com",
  "youtube-nocookie.com",
  "flickr.com",
];

type Stubbed = Window & { __gaLoaded?: number; __fbLoaded?: number; __twitterLoaded?: number };

const banner = (page: Page) =>
  page.locator("#assent-ui").getByRole("dialog", { name: "Cookies on this site" });

const loaded = (page: Page, key: "__gaLoaded" | "__fbLoaded" | "__twitterLoaded") =>
  page.evaluate((k) => (window as Stubbed)[k], key);

const receiptAfter = async (page: Page, action: () => Promise<unknown>) => {
  const stored = page.waitForResponse(
    (r) => r.url().endsWith("/v1/receipts") && r.request().method() === "POST",
  );
  await action();
  return (await (await stored).json()) as StoredReceipt;
};

/** `dataLayer` as readable commands: `consent default`, `config G-...`, `event assent_update`. */
const commands = (page: Page) =>
  page.evaluate(() =>
    ((window as { dataLayer?: unknown[] }).dataLayer ?? []).map((entry) => {
      const e = entry as Record<string, unknown>;
      return "0" in e ? `${String(e[0])} ${String(e[1])}` : `event ${String(e.event)}`;
    }),
  );

test.describe("before any choice", () => {
  test("no request reaches any third party and every embed shows its placeholder", async ({
    page,
    thirdParty,
  }) => {
    await page.goto(customerPage("/blocking.html"));
    await expect(banner(page)).toBeVisible();
    // Everything the page does before a choice is done: each embed held behind its placeholder
    // (after the banner's first frame), every gated script decided.
    for (const id of ["#youtube", "#flickr", "#facebook-share"]) await placeholderShown(page, id);
    await gatesSettled(page);
    for (const host of THIRD_PARTIES) expect(thirdParty.count(host), host).toBe(0);
    expect(thirdParty.hosts()).toEqual([]);
    for (const id of ["#ga-library", "#ga-config", "#meta-pixel", "#twitter-widgets"])
      await expect(page.locator(id), id).toHaveAttribute("type", "text/plain");

    const flickr = page.frameLocator("#flickr");
    await expect(flickr.getByText("Flickr", { exact: true })).toBeVisible();
    await expect(flickr.getByText(/Shows photos and albums from Flickr/)).toBeVisible();
    await expect(flickr.getByRole("link", { name: "Privacy policy" })).toHaveAttribute(
      "href",
      "https://www.flickr.com/help/privacy",
    );
    await expect(flickr.getByRole("button", { name: "Load this once" })).toBeVisible();
    await expect(flickr.getByRole("button", { name: "Always allow Flickr" })).toBeVisible();
    for (const id of ["#youtube", "#flickr", "#facebook-share"])
      await expect(page.locator(id)).not.toHaveAttribute("src", /./);
    expect(await loaded(page, "__fbLoaded")).toBeUndefined();
  });
});

test("analytics only: Google Analytics is requested, Facebook and the embeds are not", async ({
  page,
  thirdParty,
}) => {
  await page.goto(customerPage("/blocking.html"));
  await expect(banner(page)).toBeVisible();
  const receipt = await receiptAfter(page, () =>
    page.evaluate(() => window.assent?.set({ categories: { analytics: true } })),
  );
  expect(receipt.decision.services).toMatchObject({
    "google-analytics": true,
    "meta-pixel": false,
    youtube: false,
  });
  await expect(banner(page)).toBeHidden();
  await expect.poll(() => loaded(page, "__gaLoaded")).toBe(1);
  // The choice's pass through the gated scripts has finished: the pixel and the share widget
  // after Google Analytics were decided, and the embeds are still held.
  await gatesSettled(page);
  expect(thirdParty.count("googletagmanager.com")).toBe(1);
  for (const host of THIRD_PARTIES.slice(2)) expect(thirdParty.count(host), host).toBe(0);
  expect(await loaded(page, "__fbLoaded")).toBeUndefined();
  for (const id of ["#meta-pixel", "#twitter-widgets"])
    await expect(page.locator(id), id).toHaveAttribute("type", "text/plain");
  for (const id of ["#youtube", "#flickr", "#facebook-share"])
    await expect(page.locator(id), id).not.toHaveAttribute("src", /./);
});

test("marketing allowed: the Meta pixel loads and its consent is granted, then revoked", async ({
  page,
  thirdParty,
}) => {
  await page.goto(customerPage("/blocking.html"));
  await page.evaluate(() => window.assent?.set({ categories: { marketing: true } }));
  await expect.poll(() => loaded(page, "__fbLoaded")).toBe(1);
  expect(thirdParty.count("connect.facebook.net")).toBe(1);
  expect(thirdParty.count("googletagmanager.com")).toBe(0);
  // Read in the withdrawal's own task: the pixel had run, so the page then reloads
  // (reloadOnWithdraw), which is what stops it.
  const reloaded = page.waitForEvent("load");
  const queue = await page.evaluate(() => {
    window.assent?.withdraw();
    return ((window as { fbq?: { queue?: IArguments[] } }).fbq?.queue ?? []).map((a) =>
      [...a].join(" "),
    );
  });
  expect(queue).toEqual(["init 000000000000001", "track PageView", "consent revoke"]);
  await reloaded;
  expect(await loaded(page, "__fbLoaded")).toBeUndefined();
});

test("Consent Mode: default before any tag, update after the choice, and at once on the next page", async ({
  page,
  thirdParty,
}) => {
  await page.goto(customerPage("/blocking.html"));
  expect(await commands(page)).toEqual(["consent default"]);
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await expect.poll(() => loaded(page, "__gaLoaded")).toBe(1);
  const after = await commands(page);
  expect(after[0]).toBe("consent default");
  const update = after.indexOf("consent update");
  expect(update).toBeGreaterThan(0);
  expect(after.indexOf("config G-DEMO123456")).toBeGreaterThan(update);
  expect(after.indexOf("event assent_update")).toBeGreaterThan(update);

  await page.reload();
  await expect.poll(() => loaded(page, "__gaLoaded")).toBe(1);
  const next = await commands(page);
  expect(next.slice(0, 2)).toEqual(["consent default", "consent update"]);
  expect(next.indexOf("config G-DEMO123456")).toBeGreaterThan(1);
  expect(thirdParty.count("googletagmanager.com")).toBe(2);
  const state = await page.evaluate(() => {
    const layer = (window as { dataLayer?: IArguments[] }).dataLayer ?? [];
    return (layer[1] as IArguments)[2];
  });
  expect(state).toMatchObject({ analytics_storage: "granted", ad_user_data: "granted" });
});

test("a tag command that reached dataLayer before Assent is reported", async ({
  page,
  thirdParty,
}) => {
  const warnings: string[] = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.addInitScript(() => {
    const w = window as { dataLayer?: unknown[] };
    w.dataLayer = [];
    (function gtag(..._args: unknown[]) {
      // biome-ignore lint/complexity/noArguments: gtag commands are Arguments objects.
      w.dataLayer?.push(arguments);
    })("config", "G-TOO-EARLY");
  });
  await page.goto(customerPage("/blocking.html"));
  await expect.poll(() => warnings.join("\n")).toContain("gtag before consent default");
  expect(thirdParty.hosts()).toEqual([]);
});

test.describe("embed placeholders", () => {
  test("keep the embed's box, and 'Load this once' loads it this time only", async ({
    page,
    thirdParty,
  }) => {
    await page.goto(customerPage("/blocking.html"));
    await banner(page).getByRole("button", { name: "Reject all" }).click();
    await expect(banner(page)).toBeHidden();
    const frame = page.locator("#youtube");
    const before = await frame.boundingBox();
    expect(before).toMatchObject({ width: 560, height: 315 });

    await page.frameLocator("#youtube").getByRole("button", { name: "Load this once" }).click();
    await expect(frame).toHaveAttribute("src", "https://www.youtube-nocookie.com/embed/fairpay01");
    expect(await frame.boundingBox()).toEqual(before);
    await expect.poll(() => thirdParty.count("youtube-nocookie.com")).toBe(1);
    expect(thirdParty.count("youtube.com")).toBe(0);
    expect(await page.evaluate(() => window.assent?.has("youtube"))).toBe(false);

    await page.reload();
    // Held again on the next page view: the gates ran, and it shows its placeholder.
    await placeholderShown(page, "#youtube");
    await expect(frame).not.toHaveAttribute("src", /./);
    expect(thirdParty.count("youtube-nocookie.com")).toBe(1);
  });

  test("'Always allow' records consent like any other choice", async ({
    page,
    thirdParty,
    admin,
  }) => {
    await page.goto(customerPage("/blocking.html"));
    await expect(banner(page)).toBeVisible();
    const receipt = await receiptAfter(page, () =>
      page.frameLocator("#flickr").getByRole("button", { name: "Always allow Flickr" }).click(),
    );
    expect(receipt.method).toBe("custom");
    expect(receipt.decision.services).toMatchObject({ flickr: true, youtube: false });
    expect(receipt.decision.categories).toMatchObject({ embeds: false, analytics: false });
    await expect(banner(page)).toBeHidden();
    await expect(page.locator("#flickr")).toHaveAttribute(
      "src",
      "https://embedr.flickr.com/photosets/72157700000000001",
    );
    expect((await findReceipt(admin, receipt.id))?.decision.services.flickr).toBe(true);

    await page.reload();
    await expect(page.locator("#flickr")).toHaveAttribute("src", /embedr\.flickr\.com/);
    await expect.poll(() => thirdParty.count("flickr.com")).toBe(2);
    // The gates decided the other embeds too: each is held behind its placeholder.
    for (const id of ["#youtube", "#facebook-share"]) await placeholderShown(page, id);
    for (const host of ["youtube.com", "youtube-nocookie.com", "facebook.com"])
      expect(thirdParty.count(host), host).toBe(0);
  });
});

test.describe("auto-blocking", () => {
  test("an iframe and a script injected two seconds after load stay blocked, and load once allowed", async ({
    page,
    thirdParty,
  }) => {
    await page.goto(customerPage("/autoblock.html"));
    await page.waitForFunction(() => (window as { __injected?: boolean }).__injected === true);
    // Held as it was inserted: the late video shows its placeholder (the widget's script, inserted
    // in the same task, is checked below).
    await placeholderShown(page, "#late-video iframe");
    expect(thirdParty.hosts()).toEqual([]);

    const frame = page.locator("#late-video iframe");
    await expect(frame).not.toHaveAttribute("src", /./);
    await expect(frame).toHaveAttribute("data-service", "youtube");
    await expect(
      page.frameLocator("#late-video iframe").getByRole("button", { name: "Always allow YouTube" }),
    ).toBeVisible();
    await expect(page.locator('script[data-service="twitter"]')).toHaveAttribute(
      "type",
      "text/plain",
    );
    // The unmodified Google Analytics snippet was stopped too.
    await expect(page.locator('script[data-service="google-analytics"]')).toHaveAttribute(
      "type",
      "text/plain",
    );

    await page.evaluate(() => window.assent?.set({ categories: { embeds: true } }));
    await expect(frame).toHaveAttribute("src", "https://www.youtube-nocookie.com/embed/late0001");
    await expect.poll(() => loaded(page, "__twitterLoaded")).toBe(1);
    expect(thirdParty.count("youtube-nocookie.com")).toBe(1);
    expect(thirdParty.count("googletagmanager.com")).toBe(0);

    await page.evaluate(() =>
      window.assent?.set({ categories: { embeds: true, analytics: true } }),
    );
    await expect.poll(() => loaded(page, "__gaLoaded")).toBe(1);
    expect(thirdParty.count("youtube.com")).toBe(0);
  });

  test("content from an allowed service is not held back", async ({ page, thirdParty }) => {
    await page.goto(customerPage("/autoblock.html"));
    await page.evaluate(() => window.assent?.set({ categories: { embeds: true } }));
    await page.waitForFunction(() => (window as { __injected?: boolean }).__injected === true);
    await expect(page.locator("#late-video iframe")).toHaveAttribute(
      "src",
      "https://www.youtube.com/embed/late0001",
    );
    await expect.poll(() => loaded(page, "__twitterLoaded")).toBe(1);
    expect(thirdParty.count("googletagmanager.com")).toBe(0);
  });
});

test.describe("Global Privacy Control", () => {
  test.use({ extraHTTPHeaders: { "Sec-GPC": "1" } });

  test("denies marketing by default, and the receipt records the signal", async ({
    page,
    thirdParty,
  }) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true }),
    );
    await page.goto(customerPage("/gpc.html"));
    const receipt = await receiptAfter(page, () =>
      banner(page).getByRole("button", { name: "Accept all" }).click(),
    );
    expect(receipt).toMatchObject({ method: "accept-all", gpc: true });
    expect(receipt.decision.categories).toMatchObject({ analytics: true, marketing: false });
    expect(receipt.decision.services).toMatchObject({
      "google-analytics": true,
      "meta-pixel": false,
    });
    await expect.poll(() => loaded(page, "__gaLoaded")).toBe(1);
    // The choice's pass has gone on past Google Analytics and decided the pixel after it.
    await gatesSettled(page);
    expect(thirdParty.count("connect.facebook.net")).toBe(0);
    expect(thirdParty.count("facebook.com")).toBe(0);
    await expect(page.locator('script[data-service="meta-pixel"]')).toHaveAttribute(
      "type",
      "text/plain",
    );
  });
});
