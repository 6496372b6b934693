import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LANGUAGES } from "@assent/core";
import { sdkFiles } from "@assent/db";
import { openLibsql } from "@assent/db/libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SdkBundle } from "../deps";
import { readSdkBundle } from "../runtime/node/assets";
import { type NodeServer, startNodeServer } from "../runtime/node/server";
import { archiveSdk, isContentHashed, SDK_ARCHIVE_DAYS } from "./sdk-archive";

const DAY = 24 * 60 * 60 * 1000;
const CUSTOMER = "https://www.customer.example";

/** A build of the SDK as a runtime finds it: `tag` is its eight-character content hash. */
const build = (tag: string): SdkBundle => ({
  loaderSource: `/* loader ${tag} */`,
  uiPath: `/sdk/ui-${tag}.js`,
  files: {
    [`ui-${tag}.js`]: `export const build = "${tag}";`,
    [`lang/en-${tag}.js`]: `export default { build: "${tag}" };`,
  },
});

describe("isContentHashed", () => {
  it("names the SDK build's hashed modules, and nothing else", () => {
    for (const path of ["ui-DTKWxiMQ.js", "lang/de-centre-cdMaXO8a.js", "choice-D1At_nZb.js"])
      expect(isContentHashed(path), path).toBe(true);
    for (const path of ["loader.js", "autoblock.js", "../ui-DTKWxiMQ.js", "a/b/ui-DTKWxiMQ.js"])
      expect(isContentHashed(path), path).toBe(false);
    expect(isContentHashed("ui-DTKWxiMQ.css")).toBe(false);
  });
});

describe("archiveSdk", () => {
  it("records a build once a day at most, and forgets a build no instance recorded for 90 days", async () => {
    const handle = await openLibsql({ url: ":memory:" });
    try {
      const { db } = handle;
      const paths = async () =>
        (await db.select({ path: sdkFiles.path }).from(sdkFiles)).map((r) => r.path).sort();
      const t0 = Date.UTC(2026, 0, 1);
      expect(await archiveSdk(db, build("BuildOld"), t0)).toBe(2);
      // A restart the same day reads one row and writes nothing.
      expect(await archiveSdk(db, build("BuildOld"), t0 + DAY - 1)).toBe(0);
      const kept = t0 + (SDK_ARCHIVE_DAYS - 1) * DAY;
      expect(await archiveSdk(db, build("BuildMid"), kept)).toBe(2);
      expect(await paths()).toEqual([
        "lang/en-BuildMid.js",
        "lang/en-BuildOld.js",
        "ui-BuildMid.js",
        "ui-BuildOld.js",
      ]);
      // 90 days after its last record, the old build goes when another is recorded.
      expect(await archiveSdk(db, build("BuildNew"), t0 + SDK_ARCHIVE_DAYS * DAY + 1)).toBe(2);
      expect(await paths()).toEqual([
        "lang/en-BuildMid.js",
        "lang/en-BuildNew.js",
        "ui-BuildMid.js",
        "ui-BuildNew.js",
      ]);
      // A build recorded again a day later is refreshed, not duplicated: it stays.
      const later = kept + DAY;
      expect(await archiveSdk(db, build("BuildMid"), later)).toBe(2);
      expect(await archiveSdk(db, build("BuildNew"), later + SDK_ARCHIVE_DAYS * DAY - 1)).toBe(2);
      expect(await paths()).toContain("ui-BuildMid.js");
    } finally {
      handle.close();
    }
  });

  it("records nothing for a build without its modules", async () => {
    const handle = await openLibsql({ url: ":memory:" });
    try {
      const bare = { loaderSource: "", uiPath: "/sdk/ui-test.js" };
      expect(await archiveSdk(handle.db, bare, Date.now())).toBe(0);
      expect(await handle.db.select().from(sdkFiles)).toEqual([]);
    } finally {
      handle.close();
    }
  });
});

/**
 * Two Node instances of two builds on one libSQL file, as during a rolling deploy: a loader from
 * one build imports its chunks by name, and the proxy may send that request to the other.
 */
describe("two instances of two builds on one database", () => {
  const dir = mkdtempSync(join(tmpdir(), "assent-builds-"));
  let a: NodeServer;
  let b: NodeServer;
  const start = (sdk: SdkBundle) =>
    startNodeServer({
      port: 0,
      hostname: "127.0.0.1",
      databaseUrl: `file:${join(dir, "assent.db")}`,
      publicUrl: "https://consent.example.org",
      sdk,
      ownerEmail: "owner@example.org",
      ownerPassword: "correct horse battery staple",
      rateLimits: false,
    });
  beforeAll(async () => {
    a = await start(build("BuildAAA"));
    b = await start(build("BuildBBB"));
  }, 30_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });
  const get = (s: NodeServer, path: string) =>
    fetch(`http://127.0.0.1:${s.port}${path}`, { headers: { Origin: CUSTOMER } });

  it("each serves the other's chunks, to any origin, cached for good", async () => {
    for (const [server, tag] of [
      [a, "BuildBBB"],
      [b, "BuildAAA"],
    ] as const) {
      for (const path of [`ui-${tag}.js`, `lang/en-${tag}.js`]) {
        const res = await get(server, `/sdk/${path}`);
        expect(res.status, path).toBe(200);
        expect(await res.text()).toBe(build(tag).files?.[path]);
        expect(res.headers.get("Content-Type")).toMatch(/^text\/javascript/);
        expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
        expect(res.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
        expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
      }
    }
  });

  it("answers 404 for a module no build recorded, and for a name that is not a hashed module", async () => {
    for (const path of ["/sdk/ui-Unknown0.js", "/sdk/loader.js", "/sdk/ui-BuildAAA.css"]) {
      const res = await get(a, path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    }
  });

  it("records the built SDK's modules at start, as the Node entry finds them", async () => {
    const sdk = readSdkBundle();
    const server = await startNodeServer({
      port: 0,
      hostname: "127.0.0.1",
      databaseUrl: `file:${join(dir, "built.db")}`,
      publicUrl: "https://consent.example.org",
      sdk,
      ownerEmail: "owner@example.org",
      ownerPassword: "correct horse battery staple",
      rateLimits: false,
    });
    await server.close();
    const handle = await openLibsql({ url: `file:${join(dir, "built.db")}` });
    try {
      const rows = await handle.db.select().from(sdkFiles);
      const paths = rows.map((r) => r.path).sort();
      expect(paths).toEqual(Object.keys(sdk.files ?? {}).sort());
      expect(paths).toContain(sdk.uiPath.slice("/sdk/".length));
      // Each language five times: the first layer's texts, its notes, every text for the
      // preference centre, and the texts of the two rules that add their own (UK objection, US
      // opt-out).
      expect(paths.filter((p) => p.startsWith("lang/"))).toHaveLength(5 * LANGUAGES.length);
      expect(paths).not.toContain("loader.js");
      for (const row of rows) expect(row.body).toBe(sdk.files?.[row.path]);
    } finally {
      handle.close();
    }
  });

  it("serves nothing but GET and HEAD", async () => {
    const res = await fetch(`http://127.0.0.1:${a.port}/sdk/ui-BuildBBB.js`, {
      method: "POST",
      headers: { Origin: CUSTOMER },
    });
    expect(res.status).not.toBe(200);
    const head = await fetch(`http://127.0.0.1:${a.port}/sdk/ui-BuildBBB.js`, { method: "HEAD" });
    expect(head.status).toBe(200);
  });
});
