import { openDashboard } from "../fixtures/dashboard";
import { expect, test } from "../fixtures/test";
import { consentOrigin, customerOrigin, customerPage } from "../fixtures/topology";

/**
 * The dashboard lives on the consent host only; the customer's site (which runs third-party
 * tags) is another origin, and another site: nothing on it can use an admin's session.
 */

test("the dashboard is not served on the customer's site, nor the demo on the consent host", async ({
  request,
}) => {
  expect((await request.get(`${customerOrigin()}/admin/`)).status()).toBe(404);
  expect((await request.get(`${customerOrigin()}/v1/admin/session`)).status()).toBe(404);
  expect((await request.get(`${consentOrigin()}/admin/`)).status()).toBe(200);
  for (const path of ["/demo/", "/demo/index.html", "/index.html"]) {
    const res = await request.get(`${consentOrigin()}${path}`, { maxRedirects: 0 });
    expect(await res.text(), path).not.toContain("Guild of Independent Makers");
  }
});

test("a page of the customer's site cannot read an admin's session on the consent host", async ({
  page,
  thirdParty,
}) => {
  await openDashboard(page, "demo", "records");
  await page.goto(customerPage("/privacy.html"));
  const attempts = await page.evaluate(async (api) => {
    const tries: Array<[string, RequestInit]> = [
      ["credentials", { credentials: "include" }],
      ["no credentials", {}],
    ];
    const results: string[] = [];
    for (const [name, init] of tries) {
      try {
        const res = await fetch(`${api}/v1/admin/session`, init);
        results.push(`${name}: read ${res.status} ${(await res.text()).slice(0, 80)}`);
      } catch (err) {
        results.push(`${name}: ${(err as Error).name}`);
      }
    }
    return results;
  }, consentOrigin());
  // With the admin's cookie, the browser never lets the page read the answer.
  expect(attempts[0]).toBe("credentials: TypeError");
  // Without it there is no session to read, whether or not the answer is readable.
  expect(attempts[1]).toMatch(/^no credentials: (TypeError|read 401)/);
  expect(thirdParty.hosts()).toEqual([]);
});
