import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  decodeEntryBundle,
  openNote,
  parseCheckpoint,
  parseEntry,
  type SiteConfig,
  type StoredReceipt,
  tilesForSize,
  treeRoot,
} from "@assent/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBJECT_HEADER } from "../receipts";
import { type NodeServer, startNodeServer } from "../runtime/node/server";
import { receiptFor } from "../test-support/http-client";
import { logOverHttp } from "./log-over-http";

/**
 * Two Node instances on one libSQL file, each with its integration loop, as behind the proxy:
 * together they must log every receipt exactly once, and quickly.
 */
const PUBLIC = "https://consent.example.org";
const dir = mkdtempSync(join(tmpdir(), "assent-log-two-"));
let a: NodeServer;
let b: NodeServer;
let config: { hash: string; config: SiteConfig };

const start = () =>
  startNodeServer({
    port: 0,
    hostname: "127.0.0.1",
    databaseUrl: `file:${join(dir, "assent.db")}`,
    publicUrl: PUBLIC,
    sdk: { loaderSource: "/* loader */", uiPath: "/sdk/ui-test.js" },
    ownerEmail: "owner@example.org",
    ownerPassword: "correct horse battery staple",
    rateLimits: false,
  });

beforeAll(async () => {
  a = await start();
  b = await start();
  config = await (await fetch(url(a, "/v1/sites/demo/config"))).json();
}, 30_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const url = (s: NodeServer, path: string) => `http://127.0.0.1:${s.port}${path}`;
const log = (s: NodeServer) => logOverHttp((path) => fetch(url(s, path)), "/v1/sites/demo/log/");

async function post(s: NodeServer): Promise<{ receipt: StoredReceipt; at: number }> {
  const res = await fetch(url(s, "/v1/receipts"), {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: PUBLIC },
    body: JSON.stringify(receiptFor("demo", config)),
  });
  expect(res.status).toBe(201);
  return { receipt: (await res.json()) as StoredReceipt, at: Date.now() };
}

async function checkpointOf(s: NodeServer) {
  const l = log(s);
  const opened = await openNote(await l.checkpoint(), [await l.vkey()]);
  return parseCheckpoint(opened.text);
}

describe("the log with two instances on one file", () => {
  it("logs every receipt once, with no gap, while both integrate at once", async () => {
    const posted: StoredReceipt[] = [];
    for (let round = 0; round < 10; round++) {
      const batch = await Promise.all(Array.from({ length: 30 }, (_, i) => post(i % 2 ? a : b)));
      posted.push(...batch.map((p) => p.receipt));
      // Both run a pass at the same moment, on top of their own loops.
      await Promise.all([a.logIntegration.flush(), b.logIntegration.flush()]);
    }
    const cp = await checkpointOf(b);
    expect(cp.size).toBe(posted.length + 1);
    expect(cp.origin).toBe("consent.example.org/v1/sites/demo/log");
    const l = log(a);
    expect(await treeRoot(cp.size, l.readTile)).toEqual(cp.root);
    const entries = [];
    for (const tile of tilesForSize(cp.size).filter((x) => x.level === "entries")) {
      entries.push(...decodeEntryBundle(await l.readTile(tile)).map(parseEntry));
    }
    expect(entries[0]).toEqual({ kind: "config", configHash: config.hash });
    const digests = entries.slice(1).map((e) => (e?.kind === "receipt" ? e.digest : null));
    expect(new Set(digests).size).toBe(posted.length);
    expect(digests.sort()).toEqual(posted.map((r) => r.proof?.digest).sort());
  }, 60_000);

  // The bound itself (a second on Node) is a figure, printed here, not a timed assertion that
  // would flake on a loaded machine: what must hold is that the loop, left to itself, logs every
  // receipt answered while two instances take load.
  it("has each receipt answered under load in a signed checkpoint, by the loop alone", async () => {
    const until = Date.now() + 3000;
    const waits: number[] = [];
    const sampled: Promise<void>[] = [];
    const worker = async (s: NodeServer) => {
      for (let i = 0; Date.now() < until; i++) {
        const { receipt, at } = await post(s);
        if (i % 10 !== 0) continue;
        sampled.push(
          (async () => {
            for (;;) {
              const res = await fetch(url(s, `/v1/receipts/${receipt.id}/proof`), {
                headers: { [SUBJECT_HEADER]: receipt.subjectId },
              });
              if (res.status === 200) break;
              expect(res.status).toBe(409);
              await new Promise((r) => setTimeout(r, 20));
            }
            waits.push(Date.now() - at);
          })(),
        );
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, i) => worker(i % 2 ? a : b)));
    await Promise.all(sampled);
    waits.sort((x, y) => x - y);
    console.log(
      `log bound: ${waits.length} sampled receipts, median ${waits[waits.length >> 1]} ms, max ${waits.at(-1)} ms`,
    );
    expect(waits.length).toBeGreaterThan(10);
  }, 60_000);
});
