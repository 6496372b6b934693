import type { StoredReceipt } from "@assent/core";
import { ADMIN } from "../fixtures/admin";
import { openDashboard } from "../fixtures/dashboard";
import { rawRequest } from "../fixtures/raw-http";
import { publishedConfig, sampleReceipt } from "../fixtures/receipts";
import { expect, test } from "../fixtures/test";
import { consentOrigin, HOSTS, instances } from "../fixtures/topology";

/**
 * The consent host as deployed: Caddy terminates TLS and forwards plain HTTP to the instances,
 * which know their public origin from PUBLIC_URL and believe forwarded headers from Caddy
 * (TRUST_PROXY=loopback) only.
 */

test("an admin signs in through the TLS proxy, with a Secure session cookie, and signs out", async ({
  page,
  context,
}) => {
  await openDashboard(page, "demo", "records");
  expect(page.url().startsWith(`${consentOrigin()}/admin/`)).toBe(true);
  const session = (await context.cookies()).find((c) => c.name === "assent_session");
  expect(session).toMatchObject({
    domain: HOSTS.consent,
    secure: true,
    httpOnly: true,
    sameSite: "Strict",
  });
  // A write from the dashboard (its Origin is the public https origin) passes the CSRF checks.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === "assent_session")).toBeUndefined();
});

const EVIL = {
  Host: "evil.example",
  "X-Forwarded-Host": "evil.example",
  "X-Forwarded-Proto": "http",
};

test("a request naming another host never gets a loader pointing there", async ({ request }) => {
  for (const base of Object.values(instances())) {
    const res = await rawRequest(`${base}/s/demo.js`, { headers: EVIL });
    expect([200, 421], `${base}: ${res.status}`).toContain(res.status);
    expect(res.text).not.toContain("evil.example");
    if (res.status === 200) {
      expect(res.text).toContain(`api:"${consentOrigin()}"`);
      expect(res.text).toContain(`ui:"${consentOrigin()}/sdk/`);
    }
    const openapi = await rawRequest(`${base}/v1/openapi.json`, { headers: EVIL });
    expect(openapi.text).not.toContain("evil.example");
  }
  // Through Caddy, whatever the visitor says in X-Forwarded-Host.
  const proxied = await request.get("/s/demo.js", {
    headers: { "X-Forwarded-Host": "evil.example" },
  });
  const loader = await proxied.text();
  expect(loader).toContain(`api:"${consentOrigin()}"`);
  expect(loader).not.toContain("evil.example");
});

test("a sign-in from a page of another host is refused, whatever Host it names", async () => {
  for (const base of Object.values(instances())) {
    const res = await rawRequest(`${base}/v1/admin/session`, {
      method: "POST",
      headers: { ...EVIL, Origin: "http://evil.example", "Content-Type": "application/json" },
      body: JSON.stringify(ADMIN),
    });
    expect([403, 421], `${base}: ${res.status} ${res.text}`).toContain(res.status);
    expect(res.headers["set-cookie"]).toBeUndefined();
  }
});

test("a receipt from a page of another host is held to the site's allowed origins, whatever Host it names", async ({
  request,
}) => {
  const demo = await publishedConfig(request, "demo");
  for (const base of Object.values(instances())) {
    const res = await rawRequest(`${base}/v1/receipts`, {
      method: "POST",
      headers: { ...EVIL, Origin: "http://evil.example", "Content-Type": "text/plain" },
      body: JSON.stringify(sampleReceipt("demo", demo)),
    });
    expect([403, 421], `${base}: ${res.status} ${res.text}`).toContain(res.status);
    if (res.status === 403) expect(res.text).toContain("ORIGIN_NOT_ALLOWED");
  }
});

/** What a visitor's request may claim about itself, that only a proxy or a CDN may say. */
const SPOOFED = {
  "X-Forwarded-For": "203.0.113.9",
  Forwarded: "for=198.51.100.7;proto=https",
  "X-Real-IP": "192.0.2.1",
  "CF-IPCountry": "FR",
  "CloudFront-Viewer-Country": "DE",
  "CF-Region-Code": "CA",
  "CloudFront-Viewer-Country-Region": "TX",
};

test("the client address and country come from the proxy, never from the visitor's headers", async ({
  request,
}) => {
  const demo = await publishedConfig(request, "demo");
  // Through Caddy: it sets X-Forwarded-For from the connection and drops the rest.
  const proxied = await request.post("/v1/receipts", {
    headers: SPOOFED,
    data: sampleReceipt("demo", demo),
  });
  expect(proxied.status()).toBe(201);
  const spoofed = await proxied.json();
  expect(spoofed).toMatchObject({ ip: "127.0.0.0", jurisdiction: null });
  expect(spoofed.subdivision ?? null).toBeNull();

  // Straight to an instance from loopback, a trusted proxy: its forwarded headers are believed.
  const direct = await rawRequest(`${instances().a}/v1/receipts`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...SPOOFED },
    body: JSON.stringify(sampleReceipt("demo", demo)),
  });
  expect(direct.status, direct.text).toBe(201);
  const stored = JSON.parse(direct.text) as StoredReceipt;
  expect(stored).toMatchObject({ ip: "203.0.113.0", jurisdiction: "FR" });
});
