import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { consentOrigin, customerPage, siteRoot } from "../fixtures/topology";
import { TRACKERS } from "../setup/autoblock-pages";
import { stubRequests } from "../setup/trackers";

/**
 * A withdrawal stops what already runs, against real third-party hosts (the recording stub
 * behind Caddy): the cookies GA4's tag sets go, `_gcl_au` of its advertising features included
 * although the demo site does not list Google Ads; a YouTube embed that was loaded goes back
 * behind its placeholder.
 */
type Assent = { assent?: { set(choice: object): void; withdraw(): void; acceptAll(): void } };

async function page(name: string, head: string, body: string) {
  await writeFile(
    join(siteRoot(), "e2e", `withdrawal-${name}.html`),
    `<!doctype html>
<html lang="en-GB">
<head>
<script src="${consentOrigin()}/s/demo.js"></script>
<meta charset="utf-8">
<title>withdrawal: ${name}</title>
${head}
</head>
<body>${body}</body>
</html>`,
  );
  return (token: string) => customerPage(`/e2e/withdrawal-${name}.html?t=${token}`);
}

const cookieNames = async (p: Page) =>
  (await p.context().cookies()).map((c) => c.name).filter((n) => /^_g/.test(n));

test("a withdrawal of marketing clears _gcl_au though the site does not list Google Ads", async ({
  page: p,
}) => {
  const token = randomBytes(4).toString("hex");
  const url = await page(
    "gcl",
    `<script type="text/plain" data-category="analytics" data-service="google-analytics"
      data-src="${TRACKERS.gtag}&cookies=1&t=${token}"></script>`,
    "<p>GA4 with its advertising features.</p>",
  );
  await p.goto(url(token));
  await p.evaluate(() =>
    (window as Assent).assent?.set({ categories: { analytics: true, marketing: true } }),
  );
  await expect.poll(() => cookieNames(p)).toEqual(expect.arrayContaining(["_ga", "_gcl_au"]));
  expect((await stubRequests(token)).length).toBe(1);

  // Analytics stays allowed, marketing is withdrawn: the conversion linker's cookie goes.
  await p.evaluate(() => (window as Assent).assent?.set({ categories: { analytics: true } }));
  await expect.poll(() => cookieNames(p)).toEqual(["_ga"]);

  // GA ran on this page, so the withdrawal also reloads it (reloadOnWithdraw): the test ends on
  // the reloaded page, not with a navigation in flight while the browser context closes.
  const reloaded = p.waitForEvent("load");
  await p.evaluate(() => (window as Assent).assent?.withdraw());
  await reloaded;
  await expect.poll(() => cookieNames(p)).toEqual([]);
});

test("a loaded embed goes back behind its placeholder when it is withdrawn", async ({
  page: p,
}) => {
  const token = randomBytes(4).toString("hex");
  const url = await page(
    "embed",
    "",
    `<iframe id="video" data-src="${TRACKERS.youtube}?t=${token}" data-category="embeds"
      data-service="youtube" width="560" height="315" title="Video"></iframe>`,
  );
  await p.goto(url(token));
  const frame = p.locator("#video");
  await expect(
    p.frameLocator("#video").getByRole("button", { name: "Load this once" }),
  ).toBeVisible();
  const box = await frame.boundingBox();
  expect(await stubRequests(token)).toEqual([]);

  await p.evaluate(() => (window as Assent).assent?.set({ categories: { embeds: true } }));
  await expect(frame).toHaveAttribute("src", /youtube-nocookie\.com\/embed\/e2e/);
  await expect.poll(async () => (await stubRequests(token)).length).toBe(1);
  await expect(p.frameLocator("#video").getByText("third-party stand-in")).toBeVisible();

  await p.evaluate(() => (window as Assent).assent?.withdraw());
  await expect(frame).not.toHaveAttribute("src", /./);
  await expect(
    p.frameLocator("#video").getByRole("button", { name: "Load this once" }),
  ).toBeVisible();
  await expect(p.frameLocator("#video").getByText("third-party stand-in")).toBeHidden();
  expect(await frame.boundingBox()).toEqual(box);
  // Nothing was requested again, and allowing it again loads it again, once.
  expect((await stubRequests(token)).length).toBe(1);
  await p.evaluate(() => (window as Assent).assent?.set({ categories: { embeds: true } }));
  await expect.poll(async () => (await stubRequests(token)).length).toBe(2);
});

test("an embed loaded once stays for this page view whatever is chosen next", async ({
  page: p,
}) => {
  const token = randomBytes(4).toString("hex");
  const url = await page(
    "once",
    "",
    `<iframe id="video" data-src="${TRACKERS.youtube}?t=${token}" data-category="embeds"
      data-service="youtube" width="560" height="315" title="Video"></iframe>`,
  );
  await p.goto(url(token));
  await p.frameLocator("#video").getByRole("button", { name: "Load this once" }).click();
  await expect.poll(async () => (await stubRequests(token)).length).toBe(1);
  await p.evaluate(() => (window as Assent).assent?.set({ categories: { analytics: true } }));
  await p.waitForTimeout(300);
  await expect(p.locator("#video")).toHaveAttribute("src", /youtube-nocookie/);
  expect((await stubRequests(token)).length).toBe(1);
});
