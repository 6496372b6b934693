import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isContentHashed } from "../../sdk-archive";
import { startWorker, type WorkerOnWorkerd } from "./worker-on-workerd";

/** A customer's page, on an origin of its own. */
const CUSTOMER = "https://www.customer.example";

describe("the SDK as Workers static assets (workerd, with _headers)", () => {
  let w: WorkerOnWorkerd;
  let files: string[];
  beforeAll(async () => {
    w = await startWorker();
    const sdk = join(w.assetsDir, "sdk");
    files = readdirSync(sdk, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(sdk, join(e.parentPath, e.name)));
  }, 60_000);
  afterAll(async () => w?.close());

  it("serves every SDK file to any origin, cached for a year when its name is content-hashed", async () => {
    expect(files).toContain("loader.js");
    expect(files.some((f) => /^ui-[\w-]{8}\.js$/.test(f))).toBe(true);
    for (const file of files) {
      const res = await w.fetch(`/sdk/${file}`, { headers: { Origin: CUSTOMER } });
      expect(res.status, file).toBe(200);
      expect(await res.text()).toBe(readFileSync(join(w.assetsDir, "sdk", file), "utf8"));
      expect(res.headers.get("Access-Control-Allow-Origin"), file).toBe("*");
      expect(res.headers.get("Cross-Origin-Resource-Policy"), file).toBe("cross-origin");
      expect(res.headers.get("X-Content-Type-Options"), file).toBe("nosniff");
      expect(res.headers.get("Content-Type"), file).toMatch(/javascript/);
      expect(res.headers.get("Cache-Control"), file).toBe(
        isContentHashed(file) ? "public, max-age=31536000, immutable" : "public, max-age=300",
      );
    }
  });

  it("never caches the loader for good: its name stays the same across builds", async () => {
    const res = await w.fetch("/sdk/loader.js");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=300");
  });

  it("does not serve the _headers file, and leaves unknown paths to the Worker", async () => {
    const headers = await w.fetch("/_headers");
    expect(headers.status).toBe(404);
    expect((await headers.json()).error.code).toBe("NOT_FOUND");
    const missing = await w.fetch("/sdk/nope-12345678.js");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("NOT_FOUND");
  });

  it("records its build in D1, and serves another deployment's chunks from there", async () => {
    // Before any deployment recorded it: not found (this request also starts the Worker).
    const other = "ui-0therBld.js";
    expect((await w.fetch(`/sdk/${other}`)).status).toBe(404);
    const { results } = await w.d1.prepare("SELECT path FROM sdk_files ORDER BY path").all();
    expect(results.map((r: { path?: unknown }) => r.path)).toEqual(
      files
        .map((f) => f.split("\\").join("/"))
        .filter(isContentHashed)
        .sort(),
    );
    // Another deployment (a gradual rollout, a loader still cached) recorded its own.
    const body = 'export const build = "other";';
    await w.d1
      .prepare("INSERT INTO sdk_files (path, body, served_at) VALUES (?, ?, ?)")
      .bind(other, body, Date.now())
      .run();
    const res = await w.fetch(`/sdk/${other}`, { headers: { Origin: CUSTOMER } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(body);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Content-Type")).toMatch(/javascript/);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
  });
});
