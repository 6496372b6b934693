import { readFile } from "node:fs/promises";
import { newSubjectId } from "@assent/core";
import { createSite, openDashboard, sendReceipts } from "../fixtures/dashboard";
import { demoLikeConfig, openSitePage, publishSite, siteKey } from "../fixtures/sites";
import { expect, test } from "../fixtures/test";
import { bannerOf, nextReceipt, outboxSettled, preferencesOf } from "../fixtures/ui";

test("subject access shows and exports a subject's records; erasure is confirmed and audited", async ({
  page,
  admin,
}) => {
  const key = await createSite(admin, "requests");
  const subjectId = newSubjectId();
  await sendReceipts(admin, key, [
    { method: "accept-all", categories: { analytics: true }, subjectId },
    { method: "withdraw", categories: { analytics: false }, subjectId },
    { method: "reject-all", categories: { analytics: false } },
  ]);

  await openDashboard(page, key, "requests");
  await page.getByLabel("Subject id").fill(subjectId);
  await page.getByRole("button", { name: "Find records" }).click();
  await expect(page.getByText("2 records held.")).toBeVisible();
  await expect(page.locator("tr[data-receipt-id]")).toHaveCount(2);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export these records (JSON)" }).click();
  const file = await download;
  const exported = JSON.parse(await streamText(await file.createReadStream()));
  expect(exported.subjectId).toBe(subjectId);
  expect(exported.receipts).toHaveLength(2);

  await page.getByRole("button", { name: "Erase this subject" }).click();
  const dialog = page.getByRole("dialog", { name: "Erase this subject?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator("tr[data-receipt-id] .subject")).toHaveCount(2);

  await page.getByRole("button", { name: "Erase this subject" }).click();
  await dialog.getByRole("button", { name: "Erase" }).click();
  const report = page.getByRole("region", { name: "Erasure done" });
  await expect(report).toContainText("Erased the personal fields of 2 records");
  await expect(report).toContainText("subject.erase");
  const auditId = (await report.locator("strong").textContent())?.replace("#", "");

  // The records stay as proof; the subject no longer finds them, and is told they were erased.
  await page.getByRole("button", { name: "Find records" }).click();
  const held = page.getByText("No records are held for this subject id.");
  await expect(held).toBeVisible();
  await expect(held).toContainText(`Its records were erased on`);
  await expect(held).toContainText(`(audit entry #${auditId})`);

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.locator(`tr[data-audit-id="${auditId}"]`)).toContainText("subject.erase");
});

test("a visitor's consent on the customer's page is told in words in the access report the admin downloads", async ({
  page,
  admin,
}) => {
  const key = siteKey("access-report");
  await publishSite(admin, key, demoLikeConfig());
  await openSitePage(page, key);
  const stored = nextReceipt(page);
  await bannerOf(page).getByRole("button", { name: "Accept all" }).click();
  const receipt = await stored;
  await outboxSettled(page);

  // The visitor reads their consent ID in the preference centre, and quotes it in their request.
  await page.getByRole("button", { name: "Cookie settings" }).click();
  const record = preferencesOf(page).getByRole("region", { name: "Your consent ID" });
  const consentId = ((await record.locator("p.mono").textContent()) ?? "").trim();
  expect(consentId).toBe(receipt.subjectId);

  await openDashboard(page, key, "requests");
  await page.getByLabel("Subject id").fill(consentId);
  await page.getByRole("button", { name: "Find records" }).click();
  await expect(page.getByText("1 record held.")).toBeVisible();
  const report = page.getByRole("region", { name: "Access report" });
  await expect(report.locator(`[data-report-record="${receipt.id}"]`)).toContainText(
    "You accepted all.",
  );

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download report" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^access-report-${consentId}-.*\\.html$`));
  // Saved under its own name, as the admin's browser saves it (a `.html` file opens as a page).
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const html = await readFile(path, "utf8");
  expect(html).toContain(`: You accepted all.`);
  expect(html).toContain(
    "Allowed: Strictly necessary, Preferences, Analytics, Marketing, and Embedded content and social media. Refused: none.",
  );
  expect(html).toContain("Services allowed: Google Analytics by Google and YouTube by Google.");
  expect(html).toContain(receipt.id);
  expect(html).toContain(`/e2e/${key}.html`);
  expect(html).not.toMatch(/<script|<iframe|<img|<link/i);

  // Opened by the visitor, the page shows the decision and asks for nothing over the network.
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`file://${path}`);
  await expect(page.locator(`[data-report-record="${receipt.id}"] strong`)).toHaveText(
    /: You accepted all\.$/,
  );
  expect(requests.filter((url) => !url.startsWith("file:"))).toEqual([]);
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += chunk.toString();
  return text;
}
