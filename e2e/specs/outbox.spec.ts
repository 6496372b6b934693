import { decodeConsentCookie } from "@assent/core";
import type { BrowserContext, Page } from "@playwright/test";
import { receiptsOfSubject } from "../fixtures/admin";
import { expect, test } from "../fixtures/third-party";

const banner = (page: Page) =>
  page.locator("#assent-ui").getByRole("dialog", { name: "Cookies on this site" });

/** The decision the browser holds: subject and receipt ids from the consent cookie. */
async function stored(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === "assent");
  const record = decodeConsentCookie(cookie?.value);
  if (!record) throw new Error("no consent cookie");
  return record;
}

const isReceiptPost = (url: URL) => url.pathname === "/v1/receipts";

test("a choice made while the API is unreachable applies at once and arrives later, once", async ({
  page,
  context,
  request,
  thirdParty,
}) => {
  await context.route(isReceiptPost, (route) => route.abort("connectionrefused"));
  await page.goto("/demo/");
  await banner(page).getByRole("button", { name: "Reject all" }).click();
  await expect(banner(page)).toBeHidden();
  await expect(page.locator("#ga-library")).toHaveAttribute("type", "text/plain");
  const record = await stored(context);
  await expect
    .poll(() =>
      page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("assent:q"))),
    )
    .toBe(true);
  expect(await receiptsOfSubject(request, record.subjectId)).toEqual([]);

  await context.unroute(isReceiptPost);
  await page.reload(); // the next page view sends what waits
  await expect
    .poll(async () => (await receiptsOfSubject(request, record.subjectId)).map((r) => r.id))
    .toEqual([record.receiptId]);
  await expect
    .poll(() =>
      page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("assent:q"))),
    )
    .toBe(false);
  expect(thirdParty.hosts()).toEqual([]);
});

test("a receipt refused with 500 is retried on the same page until acknowledged, once", async ({
  page,
  context,
  request,
}) => {
  let failures = 0;
  await context.route(isReceiptPost, async (route) => {
    if (failures < 2) {
      failures++;
      return route.fulfill({
        status: 500,
        contentType: "application/json",
        body: '{"error":{"code":"INTERNAL","message":"down for a moment"}}',
      });
    }
    return route.continue();
  });
  await page.goto("/demo/");
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  const record = await stored(context);
  await expect
    .poll(async () => (await receiptsOfSubject(request, record.subjectId)).length, {
      timeout: 15_000,
    })
    .toBe(1);
  expect(failures).toBe(2);
  // Nothing more is sent once it is acknowledged.
  await page.waitForTimeout(1500);
  expect((await receiptsOfSubject(request, record.subjectId)).map((r) => r.id)).toEqual([
    record.receiptId,
  ]);
});

test("a page closed right after the choice still delivers its receipt, once", async ({
  page,
  context,
  request,
}) => {
  await page.goto("/demo/");
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  const record = await stored(context);
  await page.close({ runBeforeUnload: true });

  // Whatever the closed page did not finish, the visitor's next page view sends.
  const next = await context.newPage();
  await next.goto("/demo/privacy.html");
  await expect
    .poll(async () => (await receiptsOfSubject(request, record.subjectId)).map((r) => r.id), {
      timeout: 15_000,
    })
    .toEqual([record.receiptId]);
});
