import type { Locator, Page } from "@playwright/test";
import { createSite, openDashboard, sendReceipts } from "../fixtures/dashboard";
import { tamperWithReceipt } from "../fixtures/tamper";
import { expect, test } from "../fixtures/test";

/** Opens a receipt's detail; its Verify section, once the receipt is in the log. */
async function verifySection(page: Page, id: string): Promise<Locator> {
  await page.getByRole("button", { name: `Details of receipt ${id}` }).click();
  const section = page.getByRole("region", { name: "Verify" });
  // The log integrates within a second: until then the section offers to check again.
  await expect(async () => {
    const again = section.getByRole("button", { name: "Check again" });
    if (await again.isVisible()) await again.click();
    await expect(section.locator(".verify-checks li").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  return section;
}

const check = (section: Locator, name: string) => section.locator(`[data-check="${name}"]`);

test("the receipt detail verifies the receipt against the site's log, in the browser", async ({
  page,
  admin,
}) => {
  const key = await createSite(admin, "log-verify");
  const [receipt] = await sendReceipts(admin, key, [
    { method: "reject-all", categories: { analytics: false, marketing: false } },
  ]);
  if (!receipt) throw new Error("receipt not stored");
  await openDashboard(page, key, "records");
  const section = await verifySection(page, receipt.id);

  await expect(section.getByText("Every check passed")).toBeVisible();
  await expect(check(section, "signature")).toContainText("Signature: Pass");
  await expect(check(section, "entry")).toContainText("Log entry: Pass");
  await expect(check(section, "checkpoint")).toContainText(
    `Checkpoint note: Pass — consent.assent.test:`,
  );
  // The site's published config is entry 0; the receipt comes after it.
  await expect(check(section, "inclusion")).toContainText(
    /Inclusion: Pass — entry 1 is in the tree of \d+/,
  );
  await expect(check(section, "latest")).toContainText("Latest checkpoint: Pass");
});

test("a receipt changed in the database fails its signature, entry and inclusion", async ({
  page,
  admin,
}) => {
  const key = await createSite(admin, "log-tamper");
  const [receipt] = await sendReceipts(admin, key, [
    { method: "reject-all", categories: { analytics: false } },
  ]);
  if (!receipt) throw new Error("receipt not stored");
  await tamperWithReceipt(receipt.id, "accept-all");
  await openDashboard(page, key, "records");
  const section = await verifySection(page, receipt.id);

  await expect(section.getByText("A check failed")).toBeVisible();
  await expect(check(section, "signature")).toContainText("Signature: Fail");
  await expect(check(section, "entry")).toContainText("Log entry: Fail");
  await expect(check(section, "inclusion")).toContainText("Inclusion: Fail");
  // The log itself is intact: its checkpoint still verifies.
  await expect(check(section, "checkpoint")).toContainText("Checkpoint note: Pass");
});
