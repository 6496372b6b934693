import { expect, test } from "../fixtures/test";
import { customerPage } from "../fixtures/topology";
import { bannerOf, nextReceipt, preferencesOf } from "../fixtures/ui";

test("works on a page with a strict Content-Security-Policy, with no violation", async ({
  page,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as { __violations?: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(customerPage("/strict-csp.html"));
  const banner = bannerOf(page);
  await expect(banner).toBeVisible();
  // Styled through the adopted stylesheet: a fixed bar, not unstyled text in the flow.
  expect(await banner.evaluate((el) => getComputedStyle(el).position)).toBe("fixed");
  // The site's own CSS does not leak in: the host page's button styles stop at the shadow root.
  await banner.getByRole("button", { name: "Manage preferences" }).click();
  await expect(preferencesOf(page)).toBeVisible();
  const receipt = nextReceipt(page);
  await preferencesOf(page).getByRole("button", { name: "Accept all" }).click();
  expect((await receipt).method).toBe("accept-all");
  await expect
    .poll(() => page.evaluate(() => (window as { __gaConfigured?: boolean }).__gaConfigured))
    .toBe(true);
  expect(await page.evaluate(() => (window as { __violations?: string[] }).__violations)).toEqual(
    [],
  );
});
