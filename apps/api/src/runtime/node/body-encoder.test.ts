import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { openLibsql } from "@assent/db/libsql";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app";
import { fixedOrigin } from "../../network";
import { seed } from "../../seed";
import { nodeAssets, readSdkBundle } from "./assets";
import { nodeBodyEncoder } from "./body-encoder";

const ORIGIN = "https://consent.example.org";
const BROWSER = "gzip, deflate, br, zstd";

/** The app as the Node entry builds it (its SDK files, its encoder), on a seeded database. */
let app: Hono;
let plainApp: Hono;
let close: () => void;
beforeAll(async () => {
  const handle = await openLibsql({ url: ":memory:" });
  await seed(handle.db, {
    origin: ORIGIN,
    ownerEmail: "owner@example.org",
    ownerPassword: "correct horse battery staple",
    now: Date.now(),
  });
  const deps = {
    db: handle.db,
    sdk: readSdkBundle(),
    assets: nodeAssets(),
    client: () => ({ ip: null, country: null }),
    origin: fixedOrigin(ORIGIN),
    rateLimits: false as const,
  };
  app = createApp({ ...deps, encoder: nodeBodyEncoder() });
  plainApp = createApp(deps);
  close = () => handle.close();
});
afterAll(() => close());

const get = (path: string, headers: Record<string, string> = {}, on = app) =>
  on.request(`${ORIGIN}${path}`, { headers });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe("what the Node server sends browsers, coded", () => {
  it("sends the loader in Brotli to a browser, the same script as uncoded, with its own tag", async () => {
    const plain = await get("/s/demo.js", {}, plainApp);
    const identity = await bytes(plain);
    const res = await get("/s/demo.js", { "Accept-Encoding": BROWSER });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Encoding")).toBe("br");
    expect(res.headers.get("Vary")).toMatch(/Accept-Encoding/);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const coded = await bytes(res);
    expect(Number(res.headers.get("Content-Length"))).toBe(coded.length);
    expect(brotliDecompressSync(coded).equals(identity)).toBe(true);
    // Brotli at its strongest: smaller than gzip -9 of the same script.
    const gzip = await get("/s/demo.js", { "Accept-Encoding": "gzip" });
    expect(gzip.headers.get("Content-Encoding")).toBe("gzip");
    const gzipped = await bytes(gzip);
    expect(gunzipSync(gzipped).equals(identity)).toBe(true);
    expect(coded.length).toBeLessThan(gzipped.length * 0.95);
    console.log(
      `[size] /s/demo.js ${identity.length} B, gzip -9 ${gzipped.length} B, Brotli 11 ${coded.length} B`,
    );

    const tag = plain.headers.get("ETag") as string;
    expect(res.headers.get("ETag")).toBe(`${tag.slice(0, -1)}-br"`);
    expect(gzip.headers.get("ETag")).toBe(`${tag.slice(0, -1)}-gzip"`);
  });

  it("answers a browser revalidating its coded copy with 304, naming that copy", async () => {
    const first = await get("/s/demo.js", { "Accept-Encoding": BROWSER });
    const tag = first.headers.get("ETag") as string;
    const again = await get("/s/demo.js", { "Accept-Encoding": BROWSER, "If-None-Match": tag });
    expect(again.status).toBe(304);
    expect(again.headers.get("ETag")).toBe(tag);
    expect(await again.text()).toBe("");
  });

  it("sends the SDK's chunks and the published config coded too", async () => {
    const ui = new URL(readSdkBundle().uiPath, ORIGIN).pathname;
    for (const path of [ui, "/v1/sites/demo/config"]) {
      const plain = await bytes(await get(path, {}, plainApp));
      const res = await get(path, { "Accept-Encoding": BROWSER });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("Content-Encoding"), path).toBe("br");
      expect(brotliDecompressSync(await bytes(res)).equals(plain), path).toBe(true);
    }
  });

  it("leaves alone a client that accepts no coding, an answer that is not a 200, and the API", async () => {
    const none = await get("/s/demo.js");
    expect(none.headers.get("Content-Encoding")).toBeNull();
    expect(await none.text()).toMatch(/^window\.__assent_boot=/);
    const refused = await get("/s/demo.js", { "Accept-Encoding": "br;q=0, gzip;q=0" });
    expect(refused.headers.get("Content-Encoding")).toBeNull();
    const missing = await get("/s/no-such-site.js", { "Accept-Encoding": BROWSER });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Content-Encoding")).toBeNull();
    expect((await missing.json()).error.code).toBeTruthy();
    // The admin API is not coded by the app (its answers differ every time; a proxy may code them).
    const session = await get("/v1/admin/session", { "Accept-Encoding": BROWSER });
    expect(session.headers.get("Content-Encoding")).toBeNull();
  });

  it("codes each body once: the same loader again comes from what was kept", async () => {
    const encoder = nodeBodyEncoder();
    const body = new TextEncoder().encode("x".repeat(4096));
    const a = encoder.encode(body, "br");
    expect(encoder.encode(body, "br")).toBe(a);
    expect(encoder.encode(body, "gzip")).not.toBe(a);
    expect(brotliDecompressSync(await a).toString()).toBe("x".repeat(4096));
  });

  it("codes the SDK's files at start, so that the first visitor after a deploy waits for none", async () => {
    const chunk = "export const x = 1;\n".repeat(400);
    const settled = (p: Promise<unknown>) =>
      Promise.race([p.then(() => "coded"), new Promise((r) => setImmediate(() => r("pending")))]);
    const cold = nodeBodyEncoder();
    expect(await settled(cold.encode(new TextEncoder().encode(chunk), "br"))).toBe("pending");
    const warm = nodeBodyEncoder();
    warm.warm([chunk]);
    await new Promise((r) => setTimeout(r, 300));
    for (const coding of ["br", "gzip"] as const)
      expect(await settled(warm.encode(new TextEncoder().encode(chunk), coding))).toBe("coded");
  });
});
