import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type SiteConfig, type StoredReceipt, tilePath, tilesForSize } from "@assent/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildInterop,
  goMissing,
  runInterop,
} from "../../../../packages/verify/src/test-support/go-interop";
import { type NodeServer, startNodeServer } from "../runtime/node/server";
import { receiptFor } from "../test-support/http-client";

// Go's golang.org/x/mod/sumdb/note and sumdb/tlog (tools/tlog-interop) check the log a live
// Node server publishes over HTTP. Skip rules as in packages/verify: CI (CI=true) requires Go;
// elsewhere, without it, these are skipped with the reason.
const missing = goMissing();
const requireGo = process.env.CI === "true";
if (missing && !requireGo) console.warn(`Go interoperability tests skipped: ${missing}`);
const describeGo = missing && !requireGo ? describe.skip : describe;

let dir: string;
let server: NodeServer;
let bin: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "assent-log-interop-"));
  if (missing) return;
  bin = await buildInterop();
  server = await startNodeServer({
    port: 0,
    hostname: "127.0.0.1",
    databaseUrl: `file:${join(dir, "assent.db")}`,
    sdk: { loaderSource: "/* loader */", uiPath: "/sdk/ui-test.js" },
    ownerEmail: "owner@example.org",
    ownerPassword: "correct horse battery staple",
    rateLimits: false,
  });
}, 180_000);
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;

async function post(n: number, config: { hash: string; config: SiteConfig }) {
  const stored: StoredReceipt[] = [];
  for (let i = 0; i < n; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, async () => {
        const res = await fetch(url("/v1/receipts"), {
          method: "POST",
          headers: { "Content-Type": "application/json", Origin: url("") },
          body: JSON.stringify(receiptFor("demo", config)),
        });
        expect(res.status).toBe(201);
        return (await res.json()) as StoredReceipt;
      }),
    );
    stored.push(...batch);
  }
  await server.logIntegration.flush();
  return stored;
}

describeGo("Go's reference implementation checks a live server's log", () => {
  it("opens its checkpoint, rebuilds the tree from its tiles, proves every record and consistency", async () => {
    const config = await (await fetch(url("/v1/sites/demo/config"))).json();
    await post(280, config);
    const older = await (await fetch(url("/v1/sites/demo/log/checkpoint"))).text();
    await writeFile(join(dir, "older"), older);
    const later = await post(40, config);
    const vkey = (await (await fetch(url("/v1/sites/demo/log/vkey"))).text()).trim();
    const log = url("/v1/sites/demo/log/");
    const { code, report, stderr } = await runInterop(bin, [
      "verify",
      ...["-log", log, "-vkey", vkey, "-all", "-older", join(dir, "older")],
    ]);
    expect(stderr).toBe("");
    const origin = `localhost:${server.port}/v1/sites/demo/log`;
    expect(report).toMatchObject({ ok: true, origin, size: 321, treeHash: true, checked: 321 });
    expect(report.signers).toEqual([origin]);
    expect(report.consistency).toMatchObject({ ok: true, oldSize: 281 });
    const served = new Set(tilesForSize(321).map(tilePath));
    for (const path of report.tilesRead as string[]) expect(served).toContain(path);
    expect(code).toBe(0);

    const last = later.at(-1) as StoredReceipt;
    const one = await runInterop(bin, ["verify", "-log", log, "-vkey", vkey, "-index", "320"]);
    const records = one.report.records as { entry: string; ok: boolean }[];
    expect(records).toEqual([
      expect.objectContaining({ entry: `receipt ${last.proof?.digest}\n`, ok: true }),
    ]);
  }, 120_000);
});
