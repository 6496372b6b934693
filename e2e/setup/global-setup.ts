import { createHash, X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AdminSession, SiteSettings } from "@assent/core";
import { type RawAnswer, rawRequest } from "../fixtures/raw-http";
import { sampleReceipt } from "../fixtures/receipts";
import {
  caddyRootCert,
  consentOrigin,
  customerOrigin,
  instances,
  resolveTestHosts,
} from "../fixtures/topology";

/** One HTTPS request through Caddy, trusting its root certificate only. */
function viaCaddy(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  return rawRequest(url, { ...init, ca: readFileSync(caddyRootCert()) });
}

async function until<T>(what: string, attempt: () => Promise<T | undefined>, ms = 30_000) {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`global setup: ${what} within ${ms / 1000} s (${String(last ?? "no answer")})`);
}

/** base64 SHA-256 of a certificate's SubjectPublicKeyInfo, as Chromium's SPKI list takes it. */
function spkiHash(pemPath: string): string {
  const der = new X509Certificate(readFileSync(pemPath)).publicKey.export({
    type: "spki",
    format: "der",
  });
  return createHash("sha256").update(der).digest("base64");
}

/**
 * Runs once the instances and Caddy are up: trusts Caddy's local CA (for Chromium by SPKI, for
 * the workers' Node by NODE_EXTRA_CA_CERTS), waits for its certificates, and lets the customer's
 * origin send the demo site's receipts, through the admin API as an owner would.
 */
export default async function globalSetup(): Promise<void> {
  resolveTestHosts();
  const authority = join(caddyRootCert(), "..");
  await until("Caddy's local CA", async () =>
    existsSync(join(authority, "intermediate.crt")) ? true : undefined,
  );
  process.env.E2E_CA_SPKI = ["root.crt", "intermediate.crt"]
    .map((file) => spkiHash(join(authority, file)))
    .join(",");
  process.env.NODE_EXTRA_CA_CERTS = caddyRootCert();

  const consent = consentOrigin();
  const customer = customerOrigin();
  await until("the consent host over TLS", async () =>
    (await viaCaddy(`${consent}/healthz`)).status === 200 ? true : undefined,
  );
  await until("the customer's site over TLS", async () =>
    (await viaCaddy(`${customer}/index.html`)).status === 200 ? true : undefined,
  );

  const json = { "Content-Type": "application/json" };
  const signIn = await viaCaddy(`${consent}/v1/admin/session`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({
      email: process.env.E2E_ADMIN_EMAIL,
      password: process.env.E2E_ADMIN_PASSWORD,
    }),
  });
  if (signIn.status !== 200) {
    throw new Error(`global setup: sign-in through Caddy: ${signIn.status} ${signIn.text}`);
  }
  const cookie = [signIn.headers["set-cookie"] ?? []].flat().map((c) => c.split(";")[0]);
  const { csrfToken } = JSON.parse(signIn.text) as AdminSession;
  const session = { ...json, Cookie: cookie.join("; "), "X-CSRF-Token": csrfToken };
  const demo = JSON.parse(
    (await viaCaddy(`${consent}/v1/admin/sites/demo`, { headers: session })).text,
  ) as SiteSettings;
  const patched = await viaCaddy(`${consent}/v1/admin/sites/demo`, {
    method: "PATCH",
    headers: session,
    body: JSON.stringify({ allowedOrigins: [...new Set([...demo.allowedOrigins, customer])] }),
  });
  if (patched.status !== 200) {
    throw new Error(`global setup: allowing ${customer}: ${patched.status} ${patched.text}`);
  }

  // Each instance caches a site for a moment: wait until both take the customer's receipts (a
  // receipt for no published config is refused with 422 once the origin passes, 403 before).
  const config = JSON.parse((await viaCaddy(`${consent}/v1/sites/demo/config`)).text);
  for (const base of Object.values(instances())) {
    await until(`${base} to accept receipts from ${customer}`, async () => {
      const res = await fetch(`${base}/v1/receipts`, {
        method: "POST",
        headers: { "Content-Type": "text/plain", Origin: customer },
        body: JSON.stringify(
          sampleReceipt("demo", { config: config.config, hash: "0".repeat(64) }),
        ),
      });
      return res.status === 422 ? true : undefined;
    });
  }
}
