import { readFile } from "node:fs/promises";
import { type ReceiptFile, verifyReceiptFile } from "@assent/core";
import { demoLikeConfig, openSitePage, publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { consentOrigin } from "../fixtures/topology";
import { bannerOf, nextReceipt, outboxSettled, preferencesOf } from "../fixtures/ui";

test("a visitor downloads a receipt with its proof from their consent history, and it verifies offline", async ({
  page,
  admin,
  request,
}) => {
  const key = siteKey("proof-download");
  await publishSite(admin, key, demoLikeConfig());
  await openSitePage(page, key);
  const stored = nextReceipt(page);
  await bannerOf(page).getByRole("button", { name: "Accept all" }).click();
  const receipt = await stored;
  await outboxSettled(page);

  await page.getByRole("button", { name: "Cookie settings" }).click();
  const entry = preferencesOf(page).getByRole("listitem").filter({ hasText: receipt.id });
  await expect(entry).toBeVisible();
  // The log takes the receipt in within a second: until then the record says so.
  let path: string | null = null;
  await expect(async () => {
    const download = page.waitForEvent("download", { timeout: 1500 });
    await entry.getByRole("button", { name: "Download with its proof" }).click();
    path = await (await download).path();
  }).toPass({ timeout: 20_000 });
  if (!path) throw new Error("nothing downloaded");

  const file = JSON.parse(await readFile(path, "utf8")) as ReceiptFile;
  expect(file.receipt.id).toBe(receipt.id);
  // The trust anchor comes from the site's log, not from the file.
  const vkey = (
    await (await request.get(`${consentOrigin()}/v1/sites/${key}/log/vkey`)).text()
  ).trim();
  const report = await verifyReceiptFile(file, { vkey });
  expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  expect(report.ok).toBe(true);

  // The same file with the decision changed fails, loudly.
  const forged = structuredClone(file);
  forged.receipt.decision.categories.analytics = !forged.receipt.decision.categories.analytics;
  const refused = await verifyReceiptFile(forged, { vkey });
  expect(refused.ok).toBe(false);
  expect(refused.checks.filter((c) => !c.ok).map((c) => c.check)).toEqual(
    expect.arrayContaining(["signature", "entry"]),
  );
});
