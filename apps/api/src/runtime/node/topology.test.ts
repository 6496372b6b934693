import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeAssets, ROOT, readSdkBundle } from "./assets";
import { type NodeServer, startNodeServer } from "./server";

/**
 * The Node entry as deployed: behind a public URL (what the TLS proxy gives), or on loopback
 * only; the SDK loadable from another origin; the demo on an origin of its own.
 */
const dirs: string[] = [];
async function start(options: { publicUrl?: string; demo?: boolean } = {}): Promise<NodeServer> {
  const dir = mkdtempSync(join(tmpdir(), "assent-topology-"));
  dirs.push(dir);
  return startNodeServer({
    port: 0,
    hostname: "127.0.0.1",
    databaseUrl: `file:${join(dir, "assent.db")}`,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.demo ? { demoPort: 0 } : {}),
    sdk: readSdkBundle(),
    assets: nodeAssets(),
    ownerEmail: "owner@example.org",
    ownerPassword: "correct horse battery staple",
  });
}

/** GET with a Host header of our choosing (fetch does not let a caller set Host). */
function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => {
        body += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

let proxied: NodeServer;
let local: NodeServer;
beforeAll(async () => {
  [proxied, local] = await Promise.all([
    start({ publicUrl: "https://consent.example.org" }),
    start({ demo: true }),
  ]);
}, 30_000);
afterAll(async () => {
  await Promise.all([proxied?.close(), local?.close()]);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("one public origin, never the Host header", () => {
  it("behind PUBLIC_URL, emits only the public origin whatever Host says", async () => {
    const res = await get(proxied.port, "/s/demo.js", { Host: "evil.example" });
    expect(res.status).toBe(200);
    expect(res.body).toContain('api:"https://consent.example.org"');
    expect(res.body).toContain('ui:"https://consent.example.org/sdk/ui-');
    expect(res.body).not.toContain("evil.example");
  });

  it("without PUBLIC_URL, answers on loopback names only, and says what to set", async () => {
    const evil = await get(local.port, "/s/demo.js", { Host: "evil.example" });
    expect(evil.status).toBe(421);
    expect(JSON.parse(evil.body)).toEqual({
      error: { code: "MISDIRECTED_REQUEST", message: expect.stringMatching(/PUBLIC_URL/) },
    });
    const spoofedPort = await get(local.port, "/s/demo.js", { Host: "localhost:1" });
    expect(spoofedPort.status).toBe(421);
    const ok = await get(local.port, "/s/demo.js", { Host: `127.0.0.1:${local.port}` });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain(`api:"http://127.0.0.1:${local.port}"`);
  });
});

describe("the SDK on another origin", () => {
  const sdkFiles = () =>
    readdirSync(`${ROOT}packages/sdk/dist`, { recursive: true, encoding: "utf8" })
      // The loader and the auto-blocking script are composed into /s/KEY.js, not served as chunks.
      .filter((f) => f.endsWith(".js") && f !== "loader.js" && f !== "autoblock.js")
      .map((f) => `/sdk/${f}`);

  it("serves every chunk with CORS, CORP cross-origin and a year's immutable cache", async () => {
    const files = sdkFiles();
    expect(files.length).toBeGreaterThan(4);
    for (const path of files) {
      const res = await get(proxied.port, path, { Origin: "https://www.guild.example" });
      expect(res.status, path).toBe(200);
      expect(res.headers["access-control-allow-origin"], path).toBe("*");
      expect(res.headers["cross-origin-resource-policy"], path).toBe("cross-origin");
      expect(res.headers["cache-control"], path).toBe("public, max-age=31536000, immutable");
    }
  });

  it("serves the loader embeddable from any origin, with its short cache and ETag", async () => {
    const res = await get(proxied.port, "/s/demo.js");
    expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(res.headers["cache-control"]).toBe("public, max-age=300, stale-while-revalidate=3600");
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
  });
});

describe("the demo site", () => {
  it("has an origin of its own, with a CSP, pointing at the consent host", async () => {
    expect(local.demoOrigin).toBeDefined();
    const demoPort = Number(new URL(local.demoOrigin as string).port);
    expect(demoPort).not.toBe(local.port);
    const page = await get(demoPort, "/");
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<script src="http://localhost:${local.port}/s/demo.js">`);
    expect(page.body).not.toContain("{{");
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain(`script-src 'self' 'unsafe-inline' http://localhost:${local.port} `);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    for (const path of ["/admin/", "/v1/admin/session", "/../../package.json", "/%2e%2e/x.html"]) {
      expect((await get(demoPort, path)).status, path).toBe(404);
    }
  });

  it("is an allowed origin of the demo site, so its receipts are accepted", async () => {
    const res = await fetch(`http://127.0.0.1:${local.port}/v1/sites/demo/config`);
    expect(res.status).toBe(200);
    const admin = await fetch(`http://127.0.0.1:${local.port}/v1/admin/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: `http://127.0.0.1:${local.port}` },
      body: JSON.stringify({
        email: "owner@example.org",
        password: "correct horse battery staple",
      }),
    });
    const cookie = admin.headers.get("set-cookie")?.split(";")[0] ?? "";
    const site = await fetch(`http://127.0.0.1:${local.port}/v1/admin/sites/demo`, {
      headers: { Cookie: cookie },
    });
    const body = (await site.json()) as { allowedOrigins: string[] };
    expect(body.allowedOrigins).toContain(local.demoOrigin);
  });
});
