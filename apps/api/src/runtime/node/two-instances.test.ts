import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CSRF_HEADER, type ReceiptJwks, type SiteConfig, verifyReceipt } from "@assent/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITE_CACHE_TTL_MS } from "../../sites";
import { receiptFor } from "../../test-support/http-client";
import { type NodeServer, startNodeServer } from "./server";

/**
 * Two Node instances on one libSQL file, as behind the proxy during a zero-downtime deploy:
 * they must behave as one for sessions, sign-in throttling, published configs and signing keys.
 */
const PUBLIC = "https://consent.example.org";
const OWNER = { email: "owner@example.org", password: "correct horse battery staple" };
const dir = mkdtempSync(join(tmpdir(), "assent-two-"));
let a: NodeServer;
let b: NodeServer;

const start = () =>
  startNodeServer({
    port: 0,
    hostname: "127.0.0.1",
    databaseUrl: `file:${join(dir, "assent.db")}`,
    publicUrl: PUBLIC,
    sdk: { loaderSource: "/* loader */", uiPath: "/sdk/ui-test.js" },
    ownerEmail: OWNER.email,
    ownerPassword: OWNER.password,
    rateLimits: false,
  });

beforeAll(async () => {
  a = await start();
  b = await start();
}, 30_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const url = (s: NodeServer, path: string) => `http://127.0.0.1:${s.port}${path}`;
const json = { "Content-Type": "application/json", Origin: PUBLIC };
const signIn = (s: NodeServer, password = OWNER.password) =>
  fetch(url(s, "/v1/admin/session"), {
    method: "POST",
    headers: json,
    body: JSON.stringify({ ...OWNER, password }),
  });

describe("two instances on one database", () => {
  let session = { Cookie: "", csrf: "" };

  it("share sessions: signed in on one, the CSRF-checked write works on the other", async () => {
    const res = await signIn(a);
    expect(res.status).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    session = { Cookie: res.headers.get("set-cookie")?.split(";")[0] ?? "", csrf: csrfToken };
    const write = await fetch(url(b, "/v1/admin/sites/demo"), {
      method: "PATCH",
      headers: { ...json, Cookie: session.Cookie, [CSRF_HEADER]: session.csrf },
      body: JSON.stringify({ name: "Renamed on B" }),
    });
    expect(write.status).toBe(200);
  });

  it("serve a config published on one from the other within the cache bound", async () => {
    const before = await (await fetch(url(b, "/v1/sites/demo/config"))).json();
    const { Cookie, csrf } = session;
    const bump = await fetch(url(a, "/v1/admin/sites/demo/config/bump"), {
      method: "POST",
      headers: { ...json, Cookie, [CSRF_HEADER]: csrf },
      body: JSON.stringify({ reason: "Our privacy policy changed" }),
    });
    expect(bump.status).toBe(201);
    const published = (await bump.json()) as { version: number };
    expect(published.version).toBeGreaterThan(before.version);
    const started = Date.now();
    let seen = before.version;
    while (seen !== published.version && Date.now() - started < SITE_CACHE_TTL_MS + 3000) {
      await new Promise((r) => setTimeout(r, 100));
      seen = (await (await fetch(url(b, "/v1/sites/demo/config"))).json()).version;
    }
    expect(seen).toBe(published.version);
  });

  it("sign receipts with the same site key on both, verifiable with one JWKS", async () => {
    const config = (await (await fetch(url(a, "/v1/sites/demo/config"))).json()) as {
      hash: string;
      config: SiteConfig;
    };
    const jwks = (await (await fetch(url(b, "/v1/sites/demo/jwks"))).json()) as ReceiptJwks;
    for (const s of [a, b]) {
      const res = await fetch(url(s, "/v1/receipts"), {
        method: "POST",
        headers: json,
        body: JSON.stringify(receiptFor("demo", config, { method: "reject-all" })),
      });
      expect(res.status).toBe(201);
      expect((await verifyReceipt(await res.json(), jwks)).valid).toBe(true);
    }
  });
  it("share sign-in throttling: failures on either count against the same limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn(i % 2 ? b : a, `wrong-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Even the right password waits now, on both.
    expect((await signIn(a)).status).toBe(429);
    expect((await signIn(b)).status).toBe(429);
  });
});
