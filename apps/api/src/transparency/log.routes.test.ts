import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CSRF_HEADER,
  decodeEntryBundle,
  fromBase64,
  leafHash,
  openNote,
  parseCheckpoint,
  parseEntry,
  proveConsistency,
  receiptEntry,
  type StoredReceipt,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
} from "@assent/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SUBJECT_HEADER } from "../receipts";
import { createTestApp, TEST_ORIGIN } from "../test-support/test-app";
import { integrate } from "./log-integrator";
import { logOverHttp } from "./log-over-http";

let dir: string;
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "assent-log-"));
  t = await createTestApp({ url: `file:${join(dir, "assent.db")}` });
});
afterEach(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const integrateNow = () => integrate(t.db, { publicOrigin: () => TEST_ORIGIN });
const demoLog = () => logOverHttp((path) => t.app.request(path), "/v1/sites/demo/log/");

/** Posts `n` receipts for the demo site; returns what was stored, in order. */
async function postReceipts(n: number, overrides = {}): Promise<StoredReceipt[]> {
  const stored: StoredReceipt[] = [];
  for (let i = 0; i < n; i++) {
    const res = await t.post("/v1/receipts", t.receipt(overrides));
    expect(res.status).toBe(201);
    stored.push((await res.json()) as StoredReceipt);
  }
  return stored;
}

/** The latest checkpoint, its signature checked with the published verifier key. */
async function verifiedCheckpoint() {
  const log = demoLog();
  const vkey = await log.vkey();
  const note = await log.checkpoint();
  const opened = await openNote(note, [vkey]);
  expect(opened.verified.map((v) => v.name)).toEqual(["localhost:8787/v1/sites/demo/log"]);
  return { ...parseCheckpoint(opened.text), note, vkey };
}

async function proofOf(receipt: StoredReceipt, headers = { [SUBJECT_HEADER]: receipt.subjectId }) {
  return t.app.request(`/v1/receipts/${receipt.id}/proof`, { headers });
}

describe("the transparency log over HTTP", () => {
  it("has a signed empty checkpoint before anything is integrated; a proof asks to retry", async () => {
    const [receipt] = await postReceipts(1);
    const cp = await verifiedCheckpoint();
    expect(cp.size).toBe(0);
    expect(cp.origin).toBe("localhost:8787/v1/sites/demo/log");
    const res = await proofOf(receipt as StoredReceipt);
    expect(res.status).toBe(409);
    expect(res.headers.get("Retry-After")).toBe("1");
    expect((await res.json()).error.code).toBe("NOT_YET_LOGGED");
  });

  it("logs the published config, then receipts in commit order; proofs and tiles verify against the checkpoint", async () => {
    const receipts = await postReceipts(5);
    expect(await integrateNow()).toMatchObject({ leaves: 6, sites: 1 });
    const cp = await verifiedCheckpoint();
    expect(cp.size).toBe(6);
    const log = demoLog();
    expect(await treeRoot(cp.size, log.readTile)).toEqual(cp.root);
    const entries = decodeEntryBundle(await log.readTile({ level: "entries", index: 0, width: 6 }));
    expect(entries.map(parseEntry)).toEqual([
      { kind: "config", configHash: t.config.hash },
      ...receipts.map((r) => ({ kind: "receipt", digest: r.proof?.digest })),
    ]);
    for (const [i, receipt] of receipts.entries()) {
      const res = await proofOf(receipt);
      expect(res.status).toBe(200);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      const proof = (await res.json()) as {
        index: number;
        checkpoint: string;
        inclusion: string[];
        vkey: string;
      };
      expect(proof).toMatchObject({ index: i + 1, checkpoint: cp.note, vkey: cp.vkey });
      const leaf = await leafHash(receiptEntry(receipt.proof?.digest as string));
      const path = proof.inclusion.map((h) => fromBase64(h) as Uint8Array);
      expect(await verifyInclusion(leaf, proof.index, cp.size, path, cp.root)).toBe(true);
      expect(await verifyInclusion(leaf, (proof.index + 1) % 6, cp.size, path, cp.root)).toBe(
        false,
      );
    }
    // Nothing new: no new checkpoint.
    expect(await integrateNow()).toMatchObject({ leaves: 0 });
    expect((await verifiedCheckpoint()).note).toBe(cp.note);
  });

  it("serves full tiles immutable, partial ones briefly; two checkpoints are consistent from the tiles", async () => {
    await postReceipts(10);
    await integrateNow();
    const older = await verifiedCheckpoint();
    expect(older.size).toBe(11);
    await postReceipts(290);
    await integrateNow();
    const newer = await verifiedCheckpoint();
    expect(newer.size).toBe(301);
    const full = await t.app.request("/v1/sites/demo/log/tile/0/000");
    expect(full.status).toBe(200);
    expect(full.headers.get("Content-Type")).toBe("application/octet-stream");
    expect(full.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect((await full.arrayBuffer()).byteLength).toBe(256 * 32);
    const partial = await t.app.request("/v1/sites/demo/log/tile/0/001.p/45");
    expect(partial.status).toBe(200);
    expect(partial.headers.get("Cache-Control")).toBe("public, max-age=5");
    // The tile the older checkpoint's readers fetched is still served, with the same bytes.
    const old = await t.app.request("/v1/sites/demo/log/tile/0/000.p/11");
    const now = new Uint8Array(
      await (await t.app.request("/v1/sites/demo/log/tile/0/000")).arrayBuffer(),
    );
    expect(new Uint8Array(await old.arrayBuffer())).toEqual(now.slice(0, 11 * 32));
    const log = demoLog();
    expect(await treeRoot(newer.size, log.readTile)).toEqual(newer.root);
    const proof = await proveConsistency(older.size, newer.size, log.readTile);
    expect(await verifyConsistency(older.size, newer.size, older.root, newer.root, proof)).toBe(
      true,
    );
    const forged = new Uint8Array(older.root);
    forged[0] = (forged[0] ?? 0) ^ 1;
    expect(await verifyConsistency(older.size, newer.size, forged, newer.root, proof)).toBe(false);
  }, 60_000);

  it("logs a config published later before the receipts that name it", async () => {
    const a = await t.admin();
    const bump = await a.request("POST", "/v1/admin/sites/demo/config/bump", {
      reason: "Our privacy policy changed",
    });
    expect(bump.status).toBe(201);
    const published = await (await t.app.request("/v1/sites/demo/config")).json();
    expect(published.hash).not.toBe(t.config.hash);
    const res = await t.post("/v1/receipts", {
      ...t.receipt(),
      policyVersion: published.config.policyVersion,
      configHash: published.hash,
    });
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as StoredReceipt;
    await integrateNow();
    const cp = await verifiedCheckpoint();
    const entries = decodeEntryBundle(
      await demoLog().readTile({ level: "entries", index: 0, width: cp.size }),
    ).map(parseEntry);
    const configAt = entries.findIndex(
      (e) => e?.kind === "config" && e.configHash === published.hash,
    );
    const receiptAt = entries.findIndex(
      (e) => e?.kind === "receipt" && e.digest === receipt.proof?.digest,
    );
    expect(configAt).toBeGreaterThan(0);
    expect(receiptAt).toBeGreaterThan(configAt);
  });

  it("gives a receipt's proof to its subject and the site's admins, to nobody else", async () => {
    const [receipt] = (await postReceipts(1)) as [StoredReceipt];
    await integrateNow();
    expect((await proofOf(receipt)).status).toBe(200);
    const other = await proofOf(receipt, { [SUBJECT_HEADER]: t.receipt().subjectId });
    expect(other.status).toBe(404);
    expect((await other.json()).error.code).toBe("RECEIPT_NOT_FOUND");
    const anonymous = await t.app.request(`/v1/receipts/${receipt.id}/proof`);
    expect(anonymous.status).toBe(401);
    const a = await t.admin();
    const asAdmin = await t.app.request(`/v1/receipts/${receipt.id}/proof`, {
      headers: { Cookie: a.cookie, [CSRF_HEADER]: a.csrfToken },
    });
    expect(asAdmin.status).toBe(200);
    await t.addSite("other");
    const outsider = await t.addUser("outsider@example.org", "owner", "other");
    const b = await t.admin(outsider);
    const elsewhere = await t.app.request(`/v1/receipts/${receipt.id}/proof`, {
      headers: { Cookie: b.cookie },
    });
    expect(elsewhere.status).toBe(404);
  });

  it("answers bad credentials the same whether or not the receipt exists", async () => {
    const [receipt] = (await postReceipts(1)) as [StoredReceipt];
    await integrateNow();
    const unknown = t.receipt().id;
    const forged: Record<string, string>[] = [
      { Cookie: "assent_session=forged" },
      { Authorization: "Bearer junk" },
    ];
    for (const headers of forged) {
      const answers = [];
      for (const id of [receipt.id, unknown]) {
        const res = await t.app.request(`/v1/receipts/${id}/proof`, { headers });
        answers.push(`${res.status} ${(await res.json()).error.code}`);
      }
      expect(answers[0]).toBe(answers[1]);
      expect(answers[0]).toMatch(/^401 /);
    }
  });

  it("answers bad tile paths 400, tiles past the checkpoint and unknown sites 404, as JSON with CORS", async () => {
    await postReceipts(2);
    await integrateNow();
    const cases: Array<[string, number, string]> = [
      ["/v1/sites/demo/log/tile/0/0003", 400, "INVALID_TILE_PATH"],
      ["/v1/sites/demo/log/tile/0/x000/003", 400, "INVALID_TILE_PATH"],
      ["/v1/sites/demo/log/tile/0/000.p/256", 400, "INVALID_TILE_PATH"],
      ["/v1/sites/demo/log/tile/0/000.p/3/", 400, "INVALID_TILE_PATH"],
      ["/v1/sites/demo/log/tile/0/000.p/4", 404, "TILE_NOT_FOUND"],
      ["/v1/sites/demo/log/tile/0/000", 404, "TILE_NOT_FOUND"],
      ["/v1/sites/demo/log/tile/1/000.p/1", 404, "TILE_NOT_FOUND"],
      ["/v1/sites/demo/log/tile/entries/001.p/1", 404, "TILE_NOT_FOUND"],
      ["/v1/sites/nosuch/log/checkpoint", 404, "SITE_NOT_FOUND"],
      ["/v1/sites/nosuch/log/vkey", 404, "SITE_NOT_FOUND"],
      ["/v1/sites/nosuch/log/tile/0/000.p/1", 404, "SITE_NOT_FOUND"],
    ];
    for (const [path, status, code] of cases) {
      const res = await t.app.request(path);
      expect([path, res.status]).toEqual([path, status]);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect((await res.json()).error.code).toBe(code);
    }
    const ok = await t.app.request("/v1/sites/demo/log/tile/0/000.p/3");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Set-Cookie")).toBeNull();
  });
});
