import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type SiteConfig, splitNote, verifyCosignature, type Witness } from "@assent/core";
import { openLibsql } from "@assent/db/libsql";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NodeServer, startNodeServer } from "../runtime/node/server";
import { type AdminClient, receiptFor, signIn } from "../test-support/http-client";

/**
 * Two organisations, each its own Node server and database, on real HTTP: A's site log is
 * witnessed by B and B's by A. Each serves its checkpoint with the other's cosignature, until
 * one rewrites its history: then the other refuses, loudly, and no fresh cosignature is served.
 */
const dir = mkdtempSync(join(tmpdir(), "assent-witness-"));
const OWNER = { email: "owner@example.org", password: "correct horse battery staple" };
interface Org {
  server: NodeServer;
  publicUrl: string;
  dbFile: string;
  admin: AdminClient;
  config: { hash: string; config: SiteConfig };
}
let a: Org;
let b: Org;

async function start(name: string): Promise<Org> {
  const publicUrl = `https://consent.${name}.example`;
  const dbFile = join(dir, `${name}.db`);
  const server = await startNodeServer({
    port: 0,
    hostname: "127.0.0.1",
    databaseUrl: `file:${dbFile}`,
    publicUrl,
    sdk: { loaderSource: "/* loader */", uiPath: "/sdk/ui-test.js" },
    ownerEmail: OWNER.email,
    ownerPassword: OWNER.password,
    rateLimits: false,
    // Both witnesses are on 127.0.0.1, over http.
    witnessPrivateNetworks: true,
  });
  const target = {
    origin: publicUrl,
    fetch: (path: string, init?: RequestInit) => fetch(local(server, path), init),
  };
  const admin = await signIn(target, OWNER);
  const config = await (await fetch(local(server, "/v1/sites/demo/config"))).json();
  return { server, publicUrl, dbFile, admin, config };
}

const local = (s: NodeServer, path: string) => `http://127.0.0.1:${s.port}${path}`;
const text = async (o: Org, path: string) => {
  const res = await fetch(local(o.server, path));
  expect(res.status, path).toBe(200);
  return res.text();
};
const logVkey = async (o: Org) => (await text(o, "/v1/sites/demo/log/vkey")).trim();
const witnessVkey = async (o: Org) => (await text(o, "/v1/witness/vkey")).trim();
const checkpoint = (o: Org) => text(o, "/v1/sites/demo/log/checkpoint");

async function post(o: Org, n: number) {
  for (let i = 0; i < n; i++) {
    const res = await fetch(local(o.server, "/v1/receipts"), {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: o.publicUrl },
      body: JSON.stringify(receiptFor("demo", o.config)),
    });
    expect(res.status).toBe(201);
  }
}

/** Integrates what was received, then submits the new checkpoint to the witnesses. */
async function settle(o: Org) {
  await o.server.logIntegration.flush();
  await o.server.witnessSubmission.flush();
}

/** `witness` witnesses `log`'s demo site: each side's owner lists the other. */
async function pair(log: Org, witness: Org) {
  const vkey = await logVkey(log);
  const origin = vkey.split("+")[0];
  const added = await witness.admin.request("POST", "/v1/admin/sites/demo/witnessed-logs", {
    origin,
    vkey,
  });
  expect(added.status).toBe(201);
  const listed = await log.admin.request("POST", "/v1/admin/sites/demo/witnesses", {
    name: `witness of ${witness.publicUrl}`,
    url: local(witness.server, "/v1/witness"),
    vkey: await witnessVkey(witness),
  });
  expect(listed.status).toBe(201);
}

/** The cosignature lines of a served checkpoint that verify with `witness`'s key. */
async function cosignedBy(note: string, witness: Org) {
  const { text: body, signatures } = splitNote(note);
  const key = await witnessVkey(witness);
  const checks = await Promise.all(
    signatures.map((s) => verifyCosignature(body, `— ${s.name} ${s.signature}\n`, key)),
  );
  return checks.filter((c) => c.valid);
}

beforeAll(async () => {
  a = await start("a");
  b = await start("b");
  await pair(a, b);
  await pair(b, a);
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.server.close(), b?.server.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe("two organisations witnessing each other's logs", () => {
  it("serve each checkpoint with the other's valid cosignature, as the logs grow", async () => {
    await post(a, 3);
    await post(b, 2);
    await Promise.all([settle(a), settle(b)]);
    const first = await checkpoint(a);
    expect(first.split("\n")[1]).toBe("4"); // the published config, then 3 receipts
    expect(await cosignedBy(first, b)).toHaveLength(1);
    expect(await cosignedBy(await checkpoint(b), a)).toHaveLength(1);

    // Grown: the witness checks the consistency proof from the size it cosigned.
    await post(a, 5);
    await settle(a);
    const grown = await checkpoint(a);
    expect(grown.split("\n")[1]).toBe("9");
    expect(await cosignedBy(grown, b)).toHaveLength(1);
    const [witnessOfA] = (
      await a.admin.json<{ witnesses: Witness[] }>("GET", "/v1/admin/sites/demo/witnesses")
    ).witnesses;
    expect(witnessOfA).toMatchObject({ size: 9, lastError: null });
  }, 60_000);

  it("refuses A's rewritten history loudly, and A serves no fresh cosignature", async () => {
    // Submissions only when the test says (a round in the middle of the rebuild would find the
    // log smaller than what B cosigned: refused too, but as LOG_BEHIND_WITNESS).
    await a.server.witnessSubmission.stop();
    const before = await checkpoint(a);
    const cosignedSize = Number(before.split("\n")[1]);
    // Someone with A's database drops its first receipt and rebuilds the log without it.
    const first = sql`SELECT id FROM receipts ORDER BY rowid LIMIT 1`;
    const handle = await openLibsql({ url: `file:${a.dbFile}` });
    try {
      await handle.db.batch([
        handle.db.run(sql`DELETE FROM log_leaves`),
        handle.db.run(sql`DELETE FROM log_nodes`),
        handle.db.run(sql`DELETE FROM log_checkpoints`),
        handle.db.run(sql`DELETE FROM log_state`),
        handle.db.run(sql`DELETE FROM receipt_categories WHERE receipt_id = (${first})`),
        handle.db.run(sql`DELETE FROM receipts WHERE id = (${first})`),
        // ...queueing every receipt left for the integrator to log again.
        handle.db.run(
          sql`INSERT INTO log_pending (receipt_id) SELECT id FROM receipts ORDER BY rowid`,
        ),
      ]);
    } finally {
      await handle.close();
    }
    await post(a, 4);
    await a.server.logIntegration.flush();
    const rewritten = await checkpoint(a);
    expect(Number(rewritten.split("\n")[1])).toBe(cosignedSize - 1 + 4);
    await a.server.witnessSubmission.flush();

    const [witnessOfA] = (
      await a.admin.json<{ witnesses: Witness[] }>("GET", "/v1/admin/sites/demo/witnesses")
    ).witnesses;
    expect(witnessOfA?.lastError).toMatchObject({
      status: 422,
      code: "INCONSISTENT_CHECKPOINT",
      message: expect.stringMatching(/consistency proof from size 9/),
    });
    expect(witnessOfA?.size).toBe(cosignedSize);
    const served = await checkpoint(a);
    expect(await cosignedBy(served, b)).toEqual([]);
    expect(splitNote(served).signatures).toHaveLength(1);
    // B still holds what it cosigned: size 9 and its root.
    const { logs } = await b.admin.json<{ logs: Array<{ size: number; root: string }> }>(
      "GET",
      "/v1/admin/sites/demo/witnessed-logs",
    );
    expect(logs[0]).toMatchObject({ size: cosignedSize, root: before.split("\n")[2] });
    // B's own log, untouched, is still cosigned by A.
    await post(b, 1);
    await settle(b);
    expect(await cosignedBy(await checkpoint(b), a)).toHaveLength(1);
  }, 60_000);
});
