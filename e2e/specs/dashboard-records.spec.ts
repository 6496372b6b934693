import { createSite, openDashboard, sendReceipts } from "../fixtures/dashboard";
import { demoLikeConfig, openSitePage, publishSite, siteKey } from "../fixtures/sites";
import { tamperWithReceipt } from "../fixtures/tamper";
import { expect, test } from "../fixtures/test";
import { bannerOf, nextReceipt, outboxSettled } from "../fixtures/ui";

test("records filter, search by id, and show a receipt with its config and verified signature", async ({
  page,
  admin,
}) => {
  const key = await createSite(admin, "records");
  const [accepted, rejected, custom] = await sendReceipts(admin, key, [
    { method: "accept-all", categories: { analytics: true, marketing: true } },
    { method: "reject-all", categories: { analytics: false, marketing: false } },
    { method: "custom", categories: { analytics: true, marketing: false } },
  ]);
  if (!accepted || !rejected || !custom) throw new Error("receipts not stored");

  await openDashboard(page, key, "records");
  const rows = page.locator("tr[data-receipt-id]");
  await expect(rows).toHaveCount(3);

  await page.getByLabel("Method").selectOption("reject-all");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-receipt-id", rejected.id);

  await page.getByRole("button", { name: "Clear" }).click();
  await expect(rows).toHaveCount(3);
  await page.getByLabel("Analytics").selectOption("granted");
  await page.getByLabel("Marketing").selectOption("denied");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-receipt-id", custom.id);

  await page.getByRole("button", { name: "Clear" }).click();
  await page.getByLabel("Policy version").fill("99");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No consent records match.")).toBeVisible();

  await page.getByRole("button", { name: "Clear" }).click();
  await page.getByLabel("Receipt id or subject id").fill(accepted.subjectId);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(rows).toHaveCount(1);

  await page.getByLabel("Receipt id or subject id").fill(accepted.id);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(rows).toHaveCount(1);
  await page.getByRole("button", { name: `Details of receipt ${accepted.id}` }).click();

  const detail = page.getByRole("region", { name: `Receipt ${accepted.id}` });
  await expect(detail.getByText("Signature verified")).toBeVisible();
  await expect(detail.getByTestId("config-version")).toHaveText("1");
  await expect(detail.getByText(accepted.configHash)).toBeVisible();
  await expect(detail.getByText("/membership")).toBeVisible();
  await expect(detail.getByText("Texts shown (en-GB)")).toBeVisible();

  await page.getByRole("button", { name: "Back to records" }).click();
  await expect(
    page.getByRole("button", { name: `Details of receipt ${accepted.id}` }),
  ).toBeFocused();
});

test("a receipt a real banner made shows the standard wording the visitor read, the site's own texts marked", async ({
  page,
  admin,
}) => {
  const key = siteKey("wording");
  await publishSite(
    admin,
    key,
    demoLikeConfig({ texts: { de: { title: "Cookies bei der Gilde" } } }),
  );
  // A German page of the customer's site: the banner in German, the site's own title over it.
  const language = page.waitForResponse((r) => /\/sdk\/lang\/de-[\w-]{8}\.js$/.test(r.url()));
  await openSitePage(page, key, { lang: "de" });
  const banner = bannerOf(page, "Cookies bei der Gilde");
  await expect(banner.getByRole("button", { name: "Alle ablehnen" })).toBeVisible();
  const stored = nextReceipt(page);
  await banner.getByRole("button", { name: "Alle ablehnen" }).click();
  const receipt = await stored;
  await outboxSettled(page);
  // The receipt names the wording of the language file the banner really loaded.
  const loaded = /\/sdk\/lang\/de-([\w-]{8})\.js$/.exec((await language).url())?.[1];
  expect(receipt).toMatchObject({ method: "reject-all", language: "de", wording: loaded });

  await openDashboard(page, key, "records");
  await page.getByRole("button", { name: `Details of receipt ${receipt.id}` }).click();
  const detail = page.getByRole("region", { name: `Receipt ${receipt.id}` });
  await expect(detail.getByText("Signature verified")).toBeVisible();
  await expect(detail.getByText("Texts shown (de)")).toBeVisible();
  await expect(detail.getByTestId("wording")).toHaveText(loaded ?? "");
  const standard = detail.locator('[data-text-from="standard"]');
  const own = detail.locator('[data-text-from="site"]');
  await expect(standard.filter({ hasText: "rejectAll" })).toContainText("Alle ablehnen");
  await expect(standard.filter({ hasText: "acceptAll" })).toContainText("Alle akzeptieren");
  await expect(own.filter({ hasText: "title" })).toContainText(
    "Cookies bei der Gilde (the site's own)",
  );
  await expect(own).toHaveCount(1);
});

test("a receipt whose fields were tampered with shows Signature invalid", async ({
  page,
  admin,
}) => {
  const key = await createSite(admin, "tamper");
  const [receipt] = await sendReceipts(admin, key, [
    { method: "reject-all", categories: { analytics: false } },
  ]);
  if (!receipt) throw new Error("receipt not stored");
  await tamperWithReceipt(receipt.id, "accept-all");

  await openDashboard(page, key, "records");
  await page.getByRole("button", { name: `Details of receipt ${receipt.id}` }).click();
  await expect(page.getByText("Signature invalid")).toBeVisible();
});
