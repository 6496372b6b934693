import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ReceiptJwks, type SiteConfig, type StoredReceipt, verifyReceipt } from "@assent/core";
import { logKeys, signingKeys } from "@assent/db";
import { openLibsql } from "@assent/db/libsql";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type NodeServer, startNodeServer } from "../runtime/node/server";
import { receiptFor } from "../test-support/http-client";
import { keyringOf } from "./key-protection";
import {
  deriveKeyring,
  openPrivateJwk,
  SigningKeyUnreadableError,
  type SigningSecrets,
} from "./secret-box";
import { signReceipt } from "./sign-receipt";

/**
 * The attack of issue 13: a copy of the database (a stolen backup) used to hold each site's
 * private key as a plaintext JWK, enough to forge receipts that verify against the site's JWKS.
 * These run the real Node server on a real libSQL file and read its files as an attacker would.
 */
const PUBLIC = "https://consent.example.org";
const A = "secret-A-0123456789-abcdefghijklmnopqrstuvwxyz";
const B = "secret-B-9876543210-ZYXWVUTSRQPONMLKJIHGFEDCBA";
const GUESS = "secret-C-guessed-0123456789-abcdefghijklmnopq";
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "assent-secrets-"));
  file = join(dir, "assent.db");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function start(secrets?: SigningSecrets): Promise<NodeServer> {
  return startNodeServer({
    port: 0,
    hostname: "127.0.0.1",
    databaseUrl: `file:${file}`,
    publicUrl: PUBLIC,
    sdk: { loaderSource: "/* loader */", uiPath: "/sdk/ui-test.js" },
    ownerEmail: "owner@example.org",
    ownerPassword: "correct horse battery staple",
    rateLimits: false,
    ...(secrets ? { secrets } : {}),
  });
}

async function getJson<T>(server: NodeServer, path: string): Promise<T> {
  return (await fetch(`http://127.0.0.1:${server.port}${path}`)).json() as Promise<T>;
}

/** Posts a receipt for the demo site as a visitor's browser does; answers the signed receipt. */
async function postReceipt(server: NodeServer): Promise<StoredReceipt> {
  const config = await getJson<{ hash: string; config: SiteConfig }>(
    server,
    "/v1/sites/demo/config",
  );
  const res = await fetch(`http://127.0.0.1:${server.port}/v1/receipts`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: PUBLIC },
    body: JSON.stringify(receiptFor("demo", config, { method: "reject-all" })),
  });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body as StoredReceipt;
}

const jwks = (server: NodeServer) => getJson<ReceiptJwks>(server, "/v1/sites/demo/jwks");

/** The database's files (main file and write-ahead log) as raw bytes. */
function rawFiles(path: string): string {
  const files = [path, `${path}-wal`].filter(existsSync);
  return Buffer.concat(files.map((f) => readFileSync(f))).toString("latin1");
}

describe("signing keys at rest", () => {
  it("a stolen copy of the database, without the secret, yields no key that verifies", async () => {
    const server = await start({ current: A });
    const receipt = await postReceipt(server);
    const keys = await jwks(server);
    expect((await verifyReceipt(receipt, keys)).valid).toBe(true);
    await server.close();

    const stolen = join(dir, "stolen.db");
    copyFileSync(file, stolen);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${stolen}-wal`);
    const raw = rawFiles(stolen);
    expect(raw.includes('"x":'), "the public keys are there: the grep sees JWKs").toBe(true);
    expect(raw.includes('"d":'), "a private JWK member in the copy").toBe(false);

    const copy = await openLibsql({ url: `file:${stolen}` });
    const [row] = await copy.db.select().from(signingKeys);
    await copy.close();
    if (!row) throw new Error("no signing key in the copy");
    expect(row.privateJwk).toMatch(/^v1:/);
    expect(() => JSON.parse(row.privateJwk)).toThrow();
    await expect(
      openPrivateJwk(await deriveKeyring({ current: GUESS }), row.id, row.privateJwk),
    ).rejects.toThrow(SigningKeyUnreadableError);

    // The secret is all the copy lacks: with it, the row is the key that signs the site's
    // receipts, and a forged receipt would verify.
    const { jwk } = await openPrivateJwk(
      await deriveKeyring({ current: A }),
      row.id,
      row.privateJwk,
    );
    const privateKey = await crypto.subtle.importKey(
      "jwk",
      JSON.parse(jwk),
      { name: "Ed25519" },
      false,
      ["sign"],
    );
    const { proof: _, ...unsigned } = receipt;
    const forged = { ...unsigned, method: "accept-all" as const };
    const proof = await signReceipt(forged, { kid: row.id, privateKey });
    expect((await verifyReceipt({ ...forged, proof }, keys)).valid).toBe(true);
  }, 30_000);

  it("a plaintext key from before is encrypted at start, keeps its kid and signs on", async () => {
    let server = await start();
    const before = await postReceipt(server);
    await server.close();
    // Store the key as the versions before sealing did: its JWK in plaintext.
    const legacy = await openLibsql({ url: `file:${file}` });
    const [row] = await legacy.db.select().from(signingKeys);
    if (!row) throw new Error("no signing key");
    const { jwk } = await openPrivateJwk(await keyringOf(legacy.db), row.id, row.privateJwk);
    await legacy.db.update(signingKeys).set({ privateJwk: jwk }).where(eq(signingKeys.id, row.id));
    await legacy.db.delete(logKeys); // nor had those versions a transparency log key
    await legacy.close();
    expect(rawFiles(file).includes('"d":'), "the plaintext key on disk").toBe(true);

    server = await start({ current: A });
    expect(server.keyProtection).toEqual({ sealed: 1, resealed: 0 });
    const keys = await jwks(server);
    expect(await verifyReceipt(before, keys)).toEqual({ valid: true, kid: row.id });
    const after = await postReceipt(server);
    expect(await verifyReceipt(after, keys)).toEqual({ valid: true, kid: row.id });
    await server.close();
    expect(rawFiles(file).includes('"d":'), "a private JWK member left on disk").toBe(false);

    server = await start({ current: A });
    expect(server.keyProtection).toEqual({ sealed: 0, resealed: 0 });
    await server.close();
  }, 30_000);

  it("a rotation re-encrypts under the new secret; receipts signed before still verify", async () => {
    let server = await start({ current: A });
    const before = await postReceipt(server);
    await server.close();

    server = await start({ current: B, previous: A });
    expect(server.keyProtection).toEqual({ sealed: 0, resealed: 1 });
    await server.close();

    // Once a start has completed, the previous secret can go.
    server = await start({ current: B });
    expect(server.keyProtection).toEqual({ sealed: 0, resealed: 0 });
    const keys = await jwks(server);
    const kid = before.proof?.kid;
    expect(await verifyReceipt(before, keys)).toEqual({ valid: true, kid });
    const after = await postReceipt(server);
    expect(await verifyReceipt(after, keys)).toEqual({ valid: true, kid });
    await server.close();

    // The old secret alone no longer opens the keys, nor does a wrong one: no start, rather
    // than new keys signing under a secret the operator did not mean.
    await expect(start({ current: A })).rejects.toThrow(SigningKeyUnreadableError);
    await expect(start({ current: GUESS })).rejects.toThrow(/ASSENT_SECRET_PREVIOUS/);
  }, 30_000);
});
