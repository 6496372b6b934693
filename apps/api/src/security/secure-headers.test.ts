import { openLibsql } from "@assent/db/libsql";
import { afterEach, describe, expect, it } from "vitest";
import { createApp, DASHBOARD_CSP } from "../app";
import { BODY_LIMITS } from "../limits";
import { fixedOrigin } from "../network";
import { createTestApp, OWNER } from "../test-support/test-app";
import { API_CSP, HSTS } from "./secure-headers";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
const open: TestApp[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});
async function testApp(options: Parameters<typeof createTestApp>[0] = {}) {
  const t = await createTestApp(options);
  open.push(t);
  return t;
}

function expectStrict(res: Response) {
  expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(res.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
}

describe("secure defaults", () => {
  it("sends a CSP that allows nothing and no framing on API responses, errors included", async () => {
    const t = await testApp();
    for (const res of [
      await t.app.request("/healthz"),
      await t.app.request("/v1/sites/demo/config"),
      await t.app.request("/v1/nothing-here"),
      await t.post("/v1/receipts", "{"),
      await t.app.request("/v1/admin/sites"),
    ]) {
      expectStrict(res);
      expect(res.headers.get("Content-Security-Policy")).toBe(API_CSP);
      expect(res.headers.get("Strict-Transport-Security")).toBeNull();
    }
    expect(API_CSP).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("sends HSTS when the public URL is https, whatever scheme the proxy spoke to it", async () => {
    const t = await testApp();
    const plain = await t.app.request("https://consent.example.org/healthz");
    expect(plain.headers.get("Strict-Transport-Security")).toBeNull();
    const proxied = await testApp({ publicOrigin: "https://consent.example.org" });
    const res = await proxied.app.request("/healthz");
    expect(res.headers.get("Strict-Transport-Security")).toBe(HSTS);
  });

  it("sets the session cookie HttpOnly, SameSite=Strict, and Secure behind an https proxy", async () => {
    const plain = await testApp();
    const local = (await plain.post("/v1/admin/session", OWNER)).headers.get("Set-Cookie") ?? "";
    expect(local).toMatch(/HttpOnly/);
    expect(local).toMatch(/SameSite=Strict/);
    expect(local).not.toMatch(/Secure/);
    const t = await testApp({ publicOrigin: "https://consent.example.org" });
    const res = await t.post("/v1/admin/session", OWNER);
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
  });

  it("serves the dashboard under its own strict policy, unframeable", async () => {
    const handle = await openLibsql({ url: ":memory:" });
    const app = createApp({
      db: handle.db,
      sdk: { loaderSource: "", uiPath: "/sdk/ui.js" },
      client: () => ({ ip: null, country: null }),
      origin: fixedOrigin("http://localhost:8787"),
      assets: { dashboard: async (c) => c.html("<!doctype html><title>Assent</title>") },
    });
    const res = await app.request("/admin/");
    expectStrict(res);
    expect(res.headers.get("Content-Security-Policy")).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).toMatch(/script-src 'self';/);
    expect(DASHBOARD_CSP).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(DASHBOARD_CSP).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
    await handle.close();
  });
});

describe("admin body cap", () => {
  it("refuses an admin body over its one limit with 413 and the error shape", async () => {
    const t = await testApp();
    const a = await t.admin();
    const huge = JSON.stringify({ siteKey: "demo", padding: "x".repeat(BODY_LIMITS.admin) });
    const res = await a.request("PUT", "/v1/admin/sites/demo/config/draft", huge);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: expect.any(String) },
    });
    const small = await a.request("PUT", "/v1/admin/sites/demo/config/draft", { siteKey: 1 });
    expect(small.status).toBe(400);
  });
});
