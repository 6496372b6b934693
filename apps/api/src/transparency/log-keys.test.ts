import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openCheckpoint } from "@assent/core";
import { logKeys } from "@assent/db";
import { openLibsql } from "@assent/db/libsql";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type NodeServer, startNodeServer } from "../runtime/node/server";
import { SigningKeyUnreadableError, type SigningSecrets } from "../signing";
import { protectLogKeys } from "./log-keys";

/**
 * The checkpoint keys at rest: sealed with `ASSENT_SECRET` like the receipt signing keys, so a
 * copy of the database cannot sign checkpoints; carried over a rotation of the secret.
 */
const A = "secret-A-0123456789-abcdefghijklmnopqrstuvwxyz";
const B = "secret-B-9876543210-ZYXWVUTSRQPONMLKJIHGFEDCBA";
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "assent-log-keys-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const start = (secrets: SigningSecrets): Promise<NodeServer> =>
  startNodeServer({
    port: 0,
    hostname: "127.0.0.1",
    databaseUrl: `file:${join(dir, "assent.db")}`,
    publicUrl: "https://consent.example.org",
    sdk: { loaderSource: "/* loader */", uiPath: "/sdk/ui-test.js" },
    ownerEmail: "owner@example.org",
    ownerPassword: "correct horse battery staple",
    rateLimits: false,
    secrets,
  });

const get = async (s: NodeServer, path: string) =>
  (await fetch(`http://127.0.0.1:${s.port}/v1/sites/demo/log/${path}`)).text();

describe("the log's signing keys at rest", () => {
  it("are sealed, survive a rotation of the secret, and refuse a wrong one", async () => {
    let server = await start({ current: A });
    const vkey = (await get(server, "vkey")).trim();
    expect(vkey).toMatch(/^consent\.example\.org\/v1\/sites\/demo\/log\+[0-9a-f]{8}\+/);
    await server.close();

    const copy = await openLibsql({ url: `file:${join(dir, "assent.db")}` });
    const rows = await copy.db.select().from(logKeys);
    await copy.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.privateKey).toMatch(/^v1:/);
    expect(rows[0]?.privateKey).not.toContain('"d"');

    server = await start({ current: B, previous: A });
    await server.close();
    server = await start({ current: B });
    expect((await get(server, "vkey")).trim()).toBe(vkey);
    // The key opens with B alone: a new checkpoint is signed by it.
    const { checkpoint } = await openCheckpoint(await get(server, "checkpoint"), vkey);
    expect(checkpoint.origin).toBe("consent.example.org/v1/sites/demo/log");
    await server.close();

    const db = await openLibsql({ url: `file:${join(dir, "assent.db")}` });
    try {
      await expect(protectLogKeys(db.db, { current: A })).rejects.toBeInstanceOf(
        SigningKeyUnreadableError,
      );
    } finally {
      await db.close();
    }
  }, 60_000);
});
