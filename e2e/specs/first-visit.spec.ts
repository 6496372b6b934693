import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { StoredReceipt } from "@assent/core";
import { findReceipt, signInToDashboard } from "../fixtures/admin";
import { decisionApplied, gatesSettled } from "../fixtures/loader";
import {
  demoLikeConfig,
  openSitePage,
  publishSite,
  siteKey,
  sitePagePath,
} from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { consentOrigin, customerPage, siteRoot } from "../fixtures/topology";
import { outboxSettled, placeholderShown } from "../fixtures/ui";

const banner = (page: import("@playwright/test").Page) =>
  page.locator("#assent-ui").getByRole("dialog", { name: "Cookies on this site" });

test.describe("a first visit to the demo site", () => {
  test("shows the banner and sends nothing to any third party before a choice", async ({
    page,
    thirdParty,
  }) => {
    await page.goto(customerPage("/"));
    await expect(banner(page)).toBeVisible();
    for (const name of ["Accept all", "Reject all", "Manage preferences"]) {
      await expect(banner(page).getByRole("button", { name })).toBeVisible();
    }
    // Everything the page does before a choice is done: the video held behind its placeholder
    // (after the banner's first frame), every gated script decided.
    await placeholderShown(page, "iframe[data-service=youtube]");
    await gatesSettled(page);
    expect(thirdParty.hosts()).toEqual([]);
    await expect(page.locator("#ga-library")).toHaveAttribute("type", "text/plain");
    await expect(page.locator("#ga-config")).toHaveAttribute("type", "text/plain");
    await expect(page.locator("#twitter-widgets")).toHaveAttribute("type", "text/plain");
    await expect(page.locator("iframe[data-service=youtube]")).not.toHaveAttribute("src", /./);
    expect(
      await page.evaluate(() => (window as { __gaLoaded?: number }).__gaLoaded),
    ).toBeUndefined();
  });

  test("Accept all runs the gated scripts and the receipt shows in the dashboard", async ({
    page,
    thirdParty,
  }) => {
    await page.goto(customerPage("/"));
    const stored = page.waitForResponse(
      (r) => r.url().endsWith("/v1/receipts") && r.request().method() === "POST",
    );
    await banner(page).getByRole("button", { name: "Accept all" }).click();
    const response = await stored;
    expect(response.status()).toBe(201);
    const receipt = (await response.json()) as StoredReceipt;
    expect(receipt.method).toBe("accept-all");

    await expect(banner(page)).toBeHidden();
    await expect
      .poll(() => page.evaluate(() => (window as { __gaLoaded?: number }).__gaLoaded))
      .toBe(1);
    expect(thirdParty.count("googletagmanager.com")).toBe(1);
    await expect(page.locator("iframe[data-service=youtube]")).toHaveAttribute(
      "src",
      "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    );
    // The inline gtag config ran after the library, in document order.
    const commands = await page.evaluate(() =>
      ((window as { dataLayer?: unknown[] }).dataLayer ?? []).map((e) =>
        e && typeof e === "object" && "0" in e ? String((e as { 0: unknown })[0]) : "",
      ),
    );
    expect(commands.indexOf("consent")).toBeLessThan(commands.indexOf("config"));

    await signInToDashboard(page);
    const table = page.getByRole("table", { name: "Consent records" });
    await expect(table).toBeVisible();
    const row = table.locator(`[data-receipt-id="${receipt.id}"]`);
    await expect(row).toBeVisible();
    await expect(row).toContainText("Accept all");
    await expect(row).toContainText(receipt.subjectId);
  });

  test("Reject all keeps every gated script inert and stores every denial", async ({
    page,
    thirdParty,
    admin,
  }) => {
    await page.goto(customerPage("/"));
    const stored = page.waitForResponse(
      (r) => r.url().endsWith("/v1/receipts") && r.request().method() === "POST",
    );
    await banner(page).getByRole("button", { name: "Reject all" }).click();
    const receipt = (await (await stored).json()) as StoredReceipt;
    await expect(banner(page)).toBeHidden();

    await page.reload();
    // The refusal read and applied: Consent Mode's update (no banner asked for), the video held
    // behind its placeholder, every gated script decided.
    await decisionApplied(page);
    await placeholderShown(page, "iframe[data-service=youtube]");
    await gatesSettled(page);
    await expect(banner(page)).toBeHidden();
    expect(thirdParty.hosts()).toEqual([]);
    await expect(page.locator("#ga-library")).toHaveAttribute("type", "text/plain");
    await expect(page.locator("#ga-config")).toHaveAttribute("type", "text/plain");

    const logged = await findReceipt(admin, receipt.id);
    expect(logged?.method).toBe("reject-all");
    expect(logged?.decision.categories).toEqual({
      necessary: true,
      preferences: false,
      analytics: false,
      marketing: false,
      embeds: false,
    });
    expect(Object.values(logged?.decision.services ?? { x: true }).every((v) => v === false)).toBe(
      true,
    );
  });
});

test("a returning visitor with a valid decision never downloads the UI chunk", async ({
  page,
  thirdParty,
}) => {
  await page.goto(customerPage("/"));
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  await expect(banner(page)).toBeHidden();
  await outboxSettled(page);

  const requested: string[] = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.reload();
  // The decision applied: the gates ran the analytics tag and loaded the video. The UI chunk
  // would have been requested before, as soon as the decision was read.
  await expect
    .poll(() => page.evaluate(() => (window as { __gaLoaded?: number }).__gaLoaded))
    .toBe(1);
  await expect(page.locator("iframe[data-service=youtube]")).toHaveAttribute("src", /./);
  expect(requested).toContain("/s/demo.js");
  expect(requested.filter((p) => p.startsWith("/sdk/ui-"))).toEqual([]);
  await expect(banner(page)).toBeHidden();
  expect(thirdParty.count("googletagmanager.com")).toBe(2);
});

test("the preference centre records a custom choice per category", async ({
  page,
  thirdParty,
  admin,
}) => {
  await page.goto(customerPage("/"));
  await banner(page).getByRole("button", { name: "Manage preferences" }).click();
  const prefs = page.locator("#assent-ui").getByRole("dialog", { name: "Privacy preferences" });
  await expect(prefs).toBeVisible();
  await prefs.getByRole("switch", { name: "Embedded content and social media" }).check();
  const stored = page.waitForResponse(
    (r) => r.url().endsWith("/v1/receipts") && r.request().method() === "POST",
  );
  await prefs.getByRole("button", { name: "Save choices" }).click();
  const receipt = (await (await stored).json()) as StoredReceipt;
  expect(receipt.method).toBe("custom");
  expect(receipt.decision.categories).toMatchObject({ embeds: true, analytics: false });

  await expect
    .poll(() => page.evaluate(() => (window as { __twitterLoaded?: number }).__twitterLoaded))
    .toBe(1);
  expect(thirdParty.count("googletagmanager.com")).toBe(0);
  expect((await findReceipt(admin, receipt.id))?.decision.services).toMatchObject({
    youtube: true,
    twitter: true,
    "google-analytics": false,
  });

  await page.getByRole("button", { name: "Cookie settings" }).click();
  await expect(prefs).toBeVisible();
  await expect(prefs.getByText(receipt.subjectId)).toBeVisible();
});

test.describe("a page where window.assent is taken before the loader runs", () => {
  for (const [what, first] of [
    ["a stub the site set", `<script>window.assent = window.assent || { q: [] };</script>`],
    ["an element named assent", `<form name="assent"></form>`],
  ])
    test(`replaces ${what} with the real API: defaults, banner and all`, async ({
      page,
      admin,
    }) => {
      const key = siteKey("taken");
      await publishSite(admin, key, demoLikeConfig());
      await openSitePage(page, key, { first });
      await expect(banner(page)).toBeVisible();
      expect(
        await page.evaluate(() => {
          const w = window as unknown as { assent: { consentId: unknown }; dataLayer: unknown[] };
          const first = w.dataLayer[0] as ArrayLike<unknown>;
          return [typeof w.assent.consentId, first[0], first[1]];
        }),
      ).toEqual(["function", "consent", "default"]);
    });
});

test("a same-origin frame that carries the loader too leaves the asking to the page's banner", async ({
  page,
  admin,
}) => {
  const key = siteKey("framed");
  await publishSite(admin, key, demoLikeConfig());
  const framePath = sitePagePath(`${key}-frame`);
  await writeFile(
    join(siteRoot(), framePath),
    `<!doctype html><html lang="en"><head><script src="${consentOrigin()}/s/${key}.js"></script>
<title>Framed</title></head><body><p>A widget of the site, in a frame.</p></body></html>`,
  );
  // The frame's loader fetches the choice module once its banner would have had its frame.
  const bannerDone = page.waitForRequest(
    (r) => r.frame().url().endsWith(framePath) && /\/sdk\/choice-[\w-]+\.js$/.test(r.url()),
  );
  await openSitePage(page, key, {
    body: `<iframe id="widget" src="${framePath}" title="Widget" width="400" height="300"></iframe>`,
  });
  await expect(banner(page)).toBeVisible();
  const frame = page.frameLocator("#widget");
  // The frame's loader ran and mounted its UI, which shows no banner of its own ...
  await bannerDone;
  await expect(frame.locator("#assent-ui")).toBeAttached();
  expect(await frame.getByRole("dialog").count()).toBe(0);
  // ... and the page's banner keeps the focus.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("assent-ui");
  // The frame's own API still works.
  await frame
    .locator("body")
    .evaluate(() => (window as unknown as { assent: { show(): void } }).assent.show());
  await expect(
    frame.locator("#assent-ui").getByRole("dialog", { name: "Privacy preferences" }),
  ).toBeVisible();
});
