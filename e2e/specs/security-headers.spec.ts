import { ADMIN } from "../fixtures/admin";
import { expect, test } from "../fixtures/test";
import { consentOrigin, customerPage } from "../fixtures/topology";

const API_CSP = "default-src 'none'; frame-ancestors 'none'";

test("the dashboard is served under a strict policy and cannot be framed", async ({
  page,
  request,
}) => {
  const res = await request.get("/admin/");
  expect(res.status()).toBe(200);
  const headers = res.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Reached over https through the proxy: HSTS, from PUBLIC_URL (the instance itself speaks http).
  expect(headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");

  // A real browser refuses to show it inside another page's frame: the customer's, here.
  await page.goto(customerPage("/"));
  await page.evaluate((src) => {
    const frame = document.createElement("iframe");
    frame.src = src;
    frame.id = "framed-admin";
    document.body.append(frame);
  }, `${consentOrigin()}/admin/`);
  const framed = await (await page.locator("#framed-admin").elementHandle())?.contentFrame();
  expect(framed).toBeTruthy();
  await expect.poll(() => framed?.url()).toMatch(/^chrome-error:/);
  expect(await framed?.locator("input[type=password]").count()).toBe(0);
});

test("API responses forbid loading and framing, errors included", async ({ request }) => {
  const responses = [
    await request.get("/healthz"),
    await request.get("/v1/sites/demo/config"),
    await request.get("/v1/no-such-route"),
    await request.post("/v1/receipts", { data: { not: "a receipt" } }),
    await request.get("/v1/admin/sites"),
  ];
  for (const res of responses) {
    const headers = res.headers();
    expect(headers["content-security-policy"]).toBe(API_CSP);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["content-type"]).toMatch(/^application\/json/);
  }
  expect(responses.map((r) => r.status())).toEqual([200, 200, 404, 400, 401]);
});

test("the session cookie is Secure, HttpOnly and SameSite=Strict", async ({ request }) => {
  const res = await request.post("/v1/admin/session", {
    data: ADMIN,
    headers: { Origin: consentOrigin() },
  });
  expect(res.status()).toBe(200);
  const cookie = res.headers()["set-cookie"] ?? "";
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  expect(cookie).toMatch(/Path=\//);
  expect(cookie).toMatch(/;\s*Secure/i);
});
