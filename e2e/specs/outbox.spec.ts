import { decodeConsentCookie } from "@assent/core";
import type { BrowserContext, Page } from "@playwright/test";
import { receiptsOfSubject } from "../fixtures/admin";
import { expect, test } from "../fixtures/test";
import { customerPage } from "../fixtures/topology";

const banner = (page: Page) =>
  page.locator("#assent-ui").getByRole("dialog", { name: "Cookies on this site" });

/**
 * The decision the browser holds (subject and receipt ids from the consent cookie), as soon as it
 * holds one: a choice is stored once the choice module is there, which is fetched after the
 * banner's first frame, so a quick click can come first.
 */
async function stored(context: BrowserContext) {
  const read = async () =>
    decodeConsentCookie((await context.cookies()).find((c) => c.name === "assent")?.value);
  await expect.poll(read, { message: "no consent cookie" }).not.toBeNull();
  const record = await read();
  if (!record) throw new Error("no consent cookie");
  return record;
}

const pending = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("assent:q")));

/**
 * The consent host is really out of reach (the browser is offline): nothing of Assent's is
 * intercepted or answered by the test. A 5xx answer takes the same retry path in the SDK
 * (`postReceipt` retries network errors, 408, 429 and 5xx alike; packages/sdk outbox.test.ts).
 */
test("a choice made while the consent host is unreachable applies at once and arrives later, once", async ({
  page,
  context,
  admin,
  thirdParty,
}) => {
  await page.goto(customerPage("/"));
  await expect(banner(page)).toBeVisible();
  await context.setOffline(true);
  await banner(page).getByRole("button", { name: "Reject all" }).click();
  await expect(banner(page)).toBeHidden();
  await expect(page.locator("#ga-library")).toHaveAttribute("type", "text/plain");
  const record = await stored(context);
  await expect.poll(() => pending(page)).toBe(true);
  expect(await receiptsOfSubject(admin, record.subjectId)).toEqual([]);

  await context.setOffline(false);
  await page.reload(); // the next page view sends what waits
  await expect
    .poll(async () => (await receiptsOfSubject(admin, record.subjectId)).map((r) => r.id))
    .toEqual([record.receiptId]);
  await expect.poll(() => pending(page)).toBe(false);
  expect(thirdParty.hosts()).toEqual([]);
});

test("a receipt that could not be sent is retried on the same page until acknowledged, once", async ({
  page,
  context,
  admin,
}) => {
  await page.goto(customerPage("/"));
  await banner(page).getByRole("button", { name: "Reject all" }).click();
  const first = await stored(context);
  await expect.poll(() => pending(page)).toBe(false);

  await context.setOffline(true);
  // A grant: a withdrawal of what already ran would reload the page (reloadOnWithdraw).
  await page.evaluate(() => window.assent?.set({ categories: { analytics: true } }));
  const second = await stored(context);
  expect(second.receiptId).not.toBe(first.receiptId);
  await expect.poll(() => pending(page)).toBe(true);
  await page.waitForTimeout(1500); // at least one retry fails while offline
  expect((await receiptsOfSubject(admin, first.subjectId)).map((r) => r.id)).toEqual([
    first.receiptId,
  ]);

  await context.setOffline(false);
  await expect
    .poll(async () => (await receiptsOfSubject(admin, first.subjectId)).length, {
      timeout: 15_000,
    })
    .toBe(2);
  await expect.poll(() => pending(page)).toBe(false);
  // Nothing more is sent once it is acknowledged.
  await page.waitForTimeout(1500);
  expect((await receiptsOfSubject(admin, first.subjectId)).map((r) => r.id).sort()).toEqual(
    [first.receiptId, second.receiptId].sort(),
  );
});

test("a page closed right after the choice still delivers its receipt, once", async ({
  page,
  context,
  admin,
}) => {
  await page.goto(customerPage("/"));
  await banner(page).getByRole("button", { name: "Accept all" }).click();
  const record = await stored(context);
  await page.close({ runBeforeUnload: true });

  // Whatever the closed page did not finish, the visitor's next page view sends.
  const next = await context.newPage();
  await next.goto(customerPage("/privacy.html"));
  await expect
    .poll(async () => (await receiptsOfSubject(admin, record.subjectId)).map((r) => r.id), {
      timeout: 15_000,
    })
    .toEqual([record.receiptId]);
});

/**
 * The visitor's storage refuses every write (quota full, or storage turned off): the page's own
 * environment is changed by an init script, nothing of Assent's is intercepted.
 */
test("a choice whose receipt localStorage refuses still arrives, once", async ({
  page,
  context,
  admin,
}) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.goto(customerPage("/"));
  await banner(page).getByRole("button", { name: "Reject all" }).click();
  const record = await stored(context);
  await expect
    .poll(async () => (await receiptsOfSubject(admin, record.subjectId)).map((r) => r.id), {
      timeout: 15_000,
    })
    .toEqual([record.receiptId]);
  expect(await pending(page)).toBe(false);
});
