import { createSite, openDashboard, sendReceipts } from "../fixtures/dashboard";
import { expect, test } from "../fixtures/test";

for (const [label, check] of [
  ["CSV (spreadsheets)", (text: string) => expect(text.trim().split("\r\n")).toHaveLength(4)],
  [
    "NDJSON (one receipt a line)",
    (text: string) => expect(text.trim().split("\n")).toHaveLength(3),
  ],
  ["ISO/IEC TS 27560 JSON", (text: string) => expect(JSON.parse(text).records).toHaveLength(3)],
] as const) {
  test(`exports ${label} with progress, then offers the file`, async ({ page, admin }) => {
    const key = await createSite(admin, "exports");
    await sendReceipts(admin, key, [
      { method: "accept-all", categories: { analytics: true } },
      { method: "reject-all", categories: { analytics: false } },
      { method: "custom", categories: { analytics: true } },
    ]);
    await openDashboard(page, key, "exports");
    await page.getByLabel(label).check();
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel("From (UTC)").fill(today);
    await page.getByLabel("To (UTC)").fill(today);
    await page.getByRole("button", { name: "Start export" }).click();

    await expect(page.getByRole("status").filter({ hasText: "Export complete" })).toContainText(
      "3 rows",
    );
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /^Save assent-/ }).click();
    const file = await download;
    let text = "";
    for await (const chunk of await file.createReadStream()) text += chunk.toString();
    check(text);
  });
}
