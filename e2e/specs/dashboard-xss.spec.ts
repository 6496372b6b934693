import type { StoredReceipt } from "@assent/core";
import { findReceipt, signInToDashboard } from "../fixtures/admin";
import { publishedConfig, sampleReceipt } from "../fixtures/receipts";
import { expect, test } from "../fixtures/test";

/** User agents (and a page path) a visitor's browser, or anyone with curl, can send. */
const PAYLOADS = [
  {
    userAgent: "<img src=x onerror=window.__xss=1>",
    pagePath: "/<img src=x onerror=window.__xss=2>",
  },
  {
    userAgent: '"><script>window.__xss=1</script>',
    pagePath: '/"><svg onload=window.__xss=3>',
  },
];

test("markup in visitor-supplied fields is stored and shown as text, never run", async ({
  page,
  request,
  admin,
}) => {
  const demo = await publishedConfig(request, "demo");
  const stored: StoredReceipt[] = [];
  for (const { userAgent, pagePath } of PAYLOADS) {
    const res = await request.post("/v1/receipts", {
      headers: { "User-Agent": userAgent, "Content-Type": "application/json" },
      data: sampleReceipt("demo", demo, { method: "custom", pagePath }),
    });
    expect(res.status()).toBe(201);
    stored.push((await res.json()) as StoredReceipt);
  }
  // Stored exactly as sent: as text, neither stripped nor escaped into something else.
  for (const [i, receipt] of stored.entries()) {
    const found = await findReceipt(admin, receipt.id);
    expect(found?.userAgent).toBe(PAYLOADS[i]?.userAgent);
    expect(found?.pagePath).toBe(PAYLOADS[i]?.pagePath);
  }

  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signInToDashboard(page);
  const table = page.getByRole("table", { name: "Consent records" });
  await expect(table).toBeVisible();
  for (const receipt of stored) {
    const row = table.locator(`[data-receipt-id="${receipt.id}"]`);
    await expect(row).toBeVisible();
    await expect(row).toContainText(receipt.subjectId);
    await expect(row.locator("img, script, svg")).toHaveCount(0);
  }
  // The detail view shows the user agent and page path as the very text that was sent.
  for (const [i, receipt] of stored.entries()) {
    await page.getByRole("button", { name: `Details of receipt ${receipt.id}` }).click();
    const detail = page.getByRole("region", { name: `Receipt ${receipt.id}` });
    await expect(detail.getByText(PAYLOADS[i]?.userAgent ?? "", { exact: true })).toBeVisible();
    await expect(detail.getByText(PAYLOADS[i]?.pagePath ?? "", { exact: true })).toBeVisible();
    await expect(detail.locator("img, script, svg")).toHaveCount(0);
    await page.getByRole("button", { name: "Back to records" }).click();
  }
  await expect(page.locator("img[src=x], svg[onload], body script:not([src])")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
