import {
  ed25519Generate,
  formatCheckpoint,
  type MemoryLog,
  memoryLog,
  type NoteSigner,
  noteVerifierKey,
  openNote,
  proveConsistency,
  signNote,
  verifyCosignature,
  WitnessedLogsList,
} from "@assent/core";
import { auditLog } from "@assent/db";
import * as v from "valibot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";
import { submissionBody } from "./witness-submit";

const ORIGIN = "consent.other.example/v1/sites/shop/log";
let t: Awaited<ReturnType<typeof createTestApp>>;
let signer: NoteSigner;
let log: MemoryLog;

beforeEach(async () => {
  t = await createTestApp();
  signer = { name: ORIGIN, ...(await ed25519Generate()) };
  log = memoryLog();
});
afterEach(async () => t.close());

const bytes = (n: number) => Array.from({ length: n }, (_, i) => new TextEncoder().encode(`e${i}`));
const vkeyOf = (s: NoteSigner) => noteVerifierKey(s.name, s.publicKey);

async function signed(l: MemoryLog, by: NoteSigner = signer) {
  const text = formatCheckpoint({ origin: ORIGIN, size: l.size, root: await l.root() });
  return { text, note: await signNote(text, by) };
}

async function witness(origin = ORIGIN, vkey = vkeyOf(signer)) {
  const admin = await t.admin();
  const res = await admin.request("POST", "/v1/admin/sites/demo/witnessed-logs", { origin, vkey });
  return { admin, res };
}

const submit = (body: string) =>
  t.app.request("/v1/witness/add-checkpoint", { method: "POST", body });

async function witnessVkey() {
  return (await (await t.app.request("/v1/witness/vkey")).text()).trim();
}

describe("the witness (C2SP tlog-witness add-checkpoint)", () => {
  it("cosigns a first checkpoint, then only checkpoints that extend it", async () => {
    expect((await witness()).res.status).toBe(201);
    await log.append(bytes(5));
    const first = await signed(log);
    const res = await submit(submissionBody(0, [], first.note));
    expect(res.status).toBe(200);
    const line = await res.text();
    expect(line).toMatch(/^— localhost:8787\/witness \S+\n$/u);
    const check = await verifyCosignature(first.text, line, await witnessVkey());
    expect(check).toMatchObject({ valid: true, name: "localhost:8787/witness" });
    // The checkpoint with the cosignature opens with both keys, as a log's client reads it.
    const opened = await openNote(first.note + line, [vkeyOf(signer), await witnessVkey()]);
    expect(opened.verified).toHaveLength(2);

    await log.append(bytes(12));
    const next = await signed(log);
    const proof = await proveConsistency(5, 17, log.readTile);
    const ok = await submit(submissionBody(5, proof, next.note));
    expect(ok.status).toBe(200);
    expect(await verifyCosignature(next.text, await ok.text(), await witnessVkey())).toMatchObject({
      valid: true,
    });
  });

  it("answers 409 text/x.tlog.size with the size it holds when old is not it", async () => {
    await witness();
    await log.append(bytes(3));
    expect((await submit(submissionBody(0, [], (await signed(log)).note))).status).toBe(200);
    await log.append(bytes(2));
    const res = await submit(submissionBody(0, [], (await signed(log)).note));
    expect(res.status).toBe(409);
    expect(res.headers.get("Content-Type")).toBe("text/x.tlog.size");
    expect(await res.text()).toBe("3\n");
  });

  it("refuses a rewritten history (422) and never cosigns two roots for one size", async () => {
    await witness();
    await log.append(bytes(8));
    expect((await submit(submissionBody(0, [], (await signed(log)).note))).status).toBe(200);
    // Another tree of the same size: a fork.
    const fork = memoryLog();
    await fork.append([new TextEncoder().encode("forged"), ...bytes(8).slice(1)]);
    const same = await submit(submissionBody(8, [], (await signed(fork)).note));
    expect(same.status).toBe(422);
    expect((await same.json()).error.code).toBe("INCONSISTENT_CHECKPOINT");
    // The fork grown, with its own (valid for it) consistency proof: still not an extension.
    await fork.append(bytes(4));
    const proof = await proveConsistency(8, 12, fork.readTile);
    const grown = await submit(submissionBody(8, proof, (await signed(fork)).note));
    expect(grown.status).toBe(422);
    expect((await grown.json()).error).toMatchObject({
      code: "INCONSISTENT_CHECKPOINT",
      message: expect.stringMatching(/consistency proof from size 8/),
    });
  });

  it("of two submissions at once from one size, cosigns one and answers the other 409", async () => {
    await witness();
    await log.append(bytes(4));
    expect((await submit(submissionBody(0, [], (await signed(log)).note))).status).toBe(200);
    const a = memoryLog();
    const b = memoryLog();
    await a.append(bytes(4));
    await b.append(bytes(4));
    await a.append(bytes(3));
    await b.append(bytes(5));
    const bodies = await Promise.all(
      [a, b].map(async (l) =>
        submissionBody(4, await proveConsistency(4, l.size, l.readTile), (await signed(l)).note),
      ),
    );
    const answers = await Promise.all(bodies.map(submit));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("answers 404 for an unknown origin, 403 for another key, 400 for a malformed body", async () => {
    await log.append(bytes(2));
    const unknown = await submit(submissionBody(0, [], (await signed(log)).note));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("UNKNOWN_LOG");

    await witness();
    const impostor = { name: ORIGIN, ...(await ed25519Generate()) };
    const forged = await submit(submissionBody(0, [], (await signed(log, impostor)).note));
    expect(forged.status).toBe(403);
    expect((await forged.json()).error.code).toBe("CHECKPOINT_NOT_SIGNED");
    // A signature line by the known key that does not verify.
    const { note } = await signed(log);
    const tampered = note.replace(/\n2\n/, "\n3\n");
    expect((await submit(submissionBody(0, [], tampered))).status).toBe(403);

    for (const body of [
      "old 0\n",
      `old 01\n\n${note}`,
      `old 0\nnot-a-hash\n\n${note}`,
      `old 3\n\n${note}`, // old larger than the checkpoint
      `old 0\n\n${formatCheckpoint({ origin: ORIGIN, size: 2, root: await log.root() })}`,
    ]) {
      const res = await submit(body);
      expect(res.status, body).toBe(400);
      expect((await res.json()).error.code).toBe("INVALID_CHECKPOINT_SUBMISSION");
    }
  });

  it("serves the latest cosigned checkpoint by origin hash", async () => {
    await witness();
    const hash = Array.from(
      new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(ORIGIN))),
      (b) => b.toString(16).padStart(2, "0"),
    ).join("");
    expect((await t.app.request(`/v1/witness/${hash}/checkpoint`)).status).toBe(404);
    await log.append(bytes(6));
    const { note } = await signed(log);
    const line = await (await submit(submissionBody(0, [], note))).text();
    const served = await t.app.request(`/v1/witness/${hash}/checkpoint`);
    expect(await served.text()).toBe(note + line);
  });
});

describe("the logs a server witnesses, managed by owners", () => {
  it("are added and removed by an owner, audited, and an origin is witnessed once", async () => {
    const { admin, res } = await witness();
    const added = await res.json();
    expect(added).toMatchObject({ origin: ORIGIN, size: 0, root: null });
    const again = await admin.request("POST", "/v1/admin/sites/demo/witnessed-logs", {
      origin: ORIGIN,
      vkey: vkeyOf(signer),
    });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe("WITNESSED_LOG_TAKEN");
    const wrongName = await admin.request("POST", "/v1/admin/sites/demo/witnessed-logs", {
      origin: "consent.third.example/v1/sites/x/log",
      vkey: vkeyOf(signer),
    });
    expect(wrongName.status).toBe(400);
    const list = v.parse(
      WitnessedLogsList.response,
      await (await admin.get("/v1/admin/sites/demo/witnessed-logs")).json(),
    );
    expect(list.witnessVkey).toBe(await witnessVkey());
    expect(list.logs).toHaveLength(1);
    const removed = await admin.request(
      "DELETE",
      `/v1/admin/sites/demo/witnessed-logs/${added.id}`,
    );
    expect(removed.status).toBe(204);
    const actions = (await t.db.select().from(auditLog)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["witness.log.add", "witness.log.remove"]));
  });

  it("refuses an admin who is not an owner", async () => {
    const creds = await t.addUser("admin@example.org", "admin");
    const admin = await t.admin(creds);
    const res = await admin.request("POST", "/v1/admin/sites/demo/witnessed-logs", {
      origin: ORIGIN,
      vkey: vkeyOf(signer),
    });
    expect(res.status).toBe(403);
  });
});
