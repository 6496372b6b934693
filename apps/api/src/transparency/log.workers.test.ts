import {
  decodeEdge,
  edgeRoot,
  openNote,
  parseCheckpoint,
  type StoredReceipt,
  tilePath,
  tilesForSize,
  treeRoot,
} from "@assent/core";
import { logState } from "@assent/db";
import { openLibsql } from "@assent/db/libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUBJECT_HEADER } from "../receipts";
import { LOG_CRON } from "../runtime/workers/scheduled";
import { startWorker, type WorkerOnWorkerd } from "../runtime/workers/worker-on-workerd";
import { receiptFor, siteConfig } from "../test-support/http-client";
import { integrate } from "./log-integrator";
import { logOverHttp } from "./log-over-http";
import { storedTiles } from "./log-store";

/**
 * The Worker (workerd, D1) integrates on its minute Cron Trigger, and makes the same log of the
 * same receipts as the Node integrator does on libSQL.
 */
let w: WorkerOnWorkerd;
beforeAll(async () => {
  w = await startWorker();
}, 60_000);
afterAll(async () => w?.close());

const log = () => logOverHttp((path) => w.fetch(path), "/v1/sites/demo/log/");

/** Copies the rows of `table` from the Worker's D1 to a libSQL client, in rowid order. */
async function copy(to: Awaited<ReturnType<typeof openLibsql>>["client"], table: string) {
  const { results } = await w.d1.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
  for (const row of results as Record<string, unknown>[]) {
    const columns = Object.keys(row);
    await to.execute({
      sql: `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      args: columns.map((c) => row[c]) as never,
    });
  }
}

describe("the log on the Worker", () => {
  const receipts: StoredReceipt[] = [];

  it("is integrated by the minute Cron Trigger; a proof asks to retry in a minute before", async () => {
    const config = await siteConfig(w, "demo");
    for (let i = 0; i < 40; i++) {
      const res = await w.fetch("/v1/receipts", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(receiptFor("demo", config)),
      });
      expect(res.status).toBe(201);
      receipts.push((await res.json()) as StoredReceipt);
    }
    const first = receipts[0] as StoredReceipt;
    const proof = () =>
      w.fetch(`/v1/receipts/${first.id}/proof`, { headers: { [SUBJECT_HEADER]: first.subjectId } });
    const early = await proof();
    expect(early.status).toBe(409);
    expect(early.headers.get("Retry-After")).toBe("60");
    expect((await w.scheduled(Date.now(), LOG_CRON)).outcome).toBe("ok");
    expect((await proof()).status).toBe(200);
    const l = log();
    const opened = await openNote(await l.checkpoint(), [await l.vkey()]);
    const cp = parseCheckpoint(opened.text);
    expect(cp.size).toBe(41);
    expect(await treeRoot(cp.size, l.readTile)).toEqual(cp.root);
    for (const [path, status, code] of [
      ["/v1/sites/demo/log/tile/0/0000", 400, "INVALID_TILE_PATH"],
      ["/v1/sites/demo/log/tile/0/000", 404, "TILE_NOT_FOUND"],
      ["/v1/sites/nosuch/log/checkpoint", 404, "SITE_NOT_FOUND"],
    ] as const) {
      const res = await w.fetch(path);
      expect([path, res.status]).toEqual([path, status]);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect((await res.json()).error.code).toBe(code);
    }
  }, 60_000);

  it("makes the same tree, tile for tile, as the Node integrator given the same rows", async () => {
    const node = await openLibsql({ url: ":memory:" });
    try {
      for (const table of ["sites", "site_configs", "receipts"]) await copy(node.client, table);
      await integrate(node.db, { publicOrigin: () => w.origin, now: () => 0 });
      const [state] = await node.db.select().from(logState);
      const l = log();
      const cp = parseCheckpoint((await openNote(await l.checkpoint(), [await l.vkey()])).text);
      expect(state?.size).toBe(cp.size);
      expect(await edgeRoot(decodeEdge(state?.edge ?? ""))).toEqual(cp.root);
      const nodeTiles = storedTiles(node.db, state?.siteId ?? 0);
      for (const tile of tilesForSize(cp.size)) {
        expect([tilePath(tile), await nodeTiles(tile)]).toEqual([
          tilePath(tile),
          await l.readTile(tile),
        ]);
      }
    } finally {
      await node.close();
    }
  });
});
