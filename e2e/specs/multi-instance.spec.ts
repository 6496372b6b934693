import { randomBytes } from "node:crypto";
import {
  type AdminSession,
  type ConfigState,
  type ConfigVersion,
  type CreatedApiToken,
  type StoredReceipt,
  warningRules,
} from "@assent/core";
import { ADMIN } from "../fixtures/admin";
import { rawRequest } from "../fixtures/raw-http";
import { publishedConfig, sampleReceipt } from "../fixtures/receipts";
import { createSite, demoLikeConfig, siteKey } from "../fixtures/sites";
import { recordSdkModule } from "../fixtures/tamper";
import { expect, test } from "../fixtures/test";
import { consentOrigin, customerPage, instances } from "../fixtures/topology";

/**
 * Two instances on one libSQL file, each reached straight on its own port: what one stores,
 * the other knows. The site cache is the one thing an instance keeps to itself, for a bounded
 * time (2 s as the server states it; asserted here within 10 s).
 */

const json = (body: unknown) => JSON.stringify(body);

/** The session cookie (`name=value`) a sign-in answer sets. */
const sessionCookie = (setCookie: string | string[] | undefined) =>
  [setCookie ?? []]
    .flat()
    .map((c) => c.split(";")[0] as string)
    .find((c) => c.startsWith("assent_session="));

test("a config published through instance A is served by instance B within the cache bound", async ({
  admin,
}) => {
  const { a, b } = instances();
  const key = siteKey("instances");
  await createSite(admin, key);
  const { token } = await admin.post<CreatedApiToken>(`/v1/admin/sites/${key}/tokens`, {
    name: "publisher",
    role: "admin",
  });
  const bearer = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  const loader = async (base: string) => (await fetch(`${base}/s/${key}.js`)).text();

  // B has the first version in its cache.
  expect(await loader(b)).toContain('policyVersion:"1"');
  const draft = await fetch(`${a}/v1/admin/sites/${key}/config/draft`, {
    method: "PUT",
    headers: bearer,
    body: json({ ...demoLikeConfig({ policyVersion: "7" }), siteKey: key }),
  });
  const saved = await draft.text();
  expect(draft.status, saved).toBe(200);
  const { findings } = JSON.parse(saved) as ConfigState;
  const publish = await fetch(`${a}/v1/admin/sites/${key}/config/publish`, {
    method: "POST",
    headers: bearer,
    body: json({ acknowledge: warningRules(findings) }),
  });
  expect(publish.status).toBe(201);
  const published = (await publish.json()) as ConfigVersion;
  const at = Date.now();
  // A serves it at once; B once its cached copy expires.
  expect(await loader(a)).toContain(`configHash:"${published.hash}"`);
  await expect
    .poll(() => loader(b), { timeout: 10_000, intervals: [100] })
    .toContain(`configHash:"${published.hash}"`);
  const seconds = (Date.now() - at) / 1000;
  test
    .info()
    .annotations.push({ type: "B served the new config after", description: `${seconds} s` });
  console.log(`[instances] B served the config published on A after ${seconds} s`);

  // And B takes receipts for it.
  const receipt = await fetch(`${b}/v1/receipts`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: json(sampleReceipt(key, published)),
  });
  expect(receipt.status).toBe(201);
});

test("a session started on instance A works on instance B, CSRF token included, and ends on both", async ({
  admin,
}) => {
  const { a, b } = instances();
  const signIn = await rawRequest(`${a}/v1/admin/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: json(ADMIN),
  });
  expect(signIn.status, signIn.text).toBe(200);
  const cookie = sessionCookie(signIn.headers["set-cookie"]) as string;
  const { csrfToken } = JSON.parse(signIn.text) as AdminSession;

  const onB = await rawRequest(`${b}/v1/admin/session`, { headers: { Cookie: cookie } });
  expect(onB.status).toBe(200);
  expect((JSON.parse(onB.text) as AdminSession).user.email).toBe(ADMIN.email);

  const key = siteKey("session");
  await createSite(admin, key);
  const rename = (token: string) =>
    rawRequest(`${b}/v1/admin/sites/${key}`, {
      method: "PATCH",
      headers: { Cookie: cookie, "X-CSRF-Token": token, "Content-Type": "application/json" },
      body: json({ name: "Renamed on B" }),
    });
  expect((await rename("not-the-token")).status).toBe(403);
  const renamed = await rename(csrfToken);
  expect(renamed.status, renamed.text).toBe(200);

  const signOut = await rawRequest(`${b}/v1/admin/session`, {
    method: "DELETE",
    headers: { Cookie: cookie, "X-CSRF-Token": csrfToken },
  });
  expect(signOut.status).toBe(204);
  expect((await rawRequest(`${a}/v1/admin/session`, { headers: { Cookie: cookie } })).status).toBe(
    401,
  );
});

test("failed sign-ins are counted across instances", async ({ request }) => {
  const { a, b } = instances();
  // A client of its own (instances believe X-Forwarded-For from loopback), so that locking it
  // out locks out nobody else: every other spec signs in from 127.0.0.1.
  const client = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  const demo = await publishedConfig(request, "demo");
  const probe = await rawRequest(`${a}/v1/receipts`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": client },
    body: json(sampleReceipt("demo", demo)),
  });
  const seen = (JSON.parse(probe.text) as StoredReceipt).ip;
  expect(
    seen,
    "the instance must take X-Forwarded-For from loopback before this test may fail sign-ins",
  ).toBe(client.replace(/\d+$/, "0"));

  const attempt = (base: string) =>
    rawRequest(`${base}/v1/admin/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": client },
      body: json({ email: `nobody-${client}@e2e.test`, password: "wrong" }),
    });
  for (let i = 0; i < 5; i++) {
    expect((await attempt(i % 2 ? b : a)).status).toBe(401);
  }
  const sixth = await attempt(b);
  expect(sixth.status, sixth.text).toBe(429);
  expect(Number(sixth.headers["retry-after"])).toBeGreaterThan(0);
  expect((await attempt(a)).status).toBe(429);
});

test("a chunk of another build reaches a customer's page through the proxy, from either instance", async ({
  page,
}) => {
  // Another build's instance recorded its modules at start, as a rolling deploy leaves them: the
  // loader it served names this chunk, and the proxy may send the import to either instance.
  const name = `ui-${randomBytes(6).toString("base64url")}.js`;
  const body = `export const build = ${JSON.stringify(name)};`;
  await recordSdkModule(name, body);
  for (const base of Object.values(instances())) {
    const res = await fetch(`${base}/sdk/${name}`);
    expect(res.status, base).toBe(200);
    expect(await res.text()).toBe(body);
  }
  // In the browser: TLS at the proxy, CORS and a JavaScript MIME type for a module import.
  await page.goto(customerPage("/"));
  const imported = await page.evaluate(
    async (url) => ((await import(url)) as { build: string }).build,
    `${consentOrigin()}/sdk/${name}`,
  );
  expect(imported).toBe(name);
});
