import { newSubjectId } from "@assent/core";
import { createSite, openDashboard, sendReceipts } from "../fixtures/dashboard";
import { expect, test } from "../fixtures/test";

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

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += chunk.toString();
  return text;
}
