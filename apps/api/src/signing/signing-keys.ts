import type { ReceiptJwk, ReceiptJwks } from "@assent/core";
import { type Database, signingKeys } from "@assent/db";
import { and, asc, eq, isNull } from "drizzle-orm";
import { keyringOf } from "./key-protection";
import { openPrivateJwk, sealPrivateJwk } from "./secret-box";

/** A site's active signing key, ready to sign. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

const ED25519 = { name: "Ed25519" };
const active = new WeakMap<Database, Map<number, SigningKey>>();

function randomHex(bytes: number): string {
  const buf = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(buf, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function importPrivate(db: Database, kid: string, stored: string): Promise<SigningKey> {
  const { jwk } = await openPrivateJwk(await keyringOf(db), kid, stored);
  const privateKey = await crypto.subtle.importKey(
    "jwk",
    JSON.parse(jwk) as JsonWebKey,
    ED25519,
    false,
    ["sign"],
  );
  return { kid, privateKey };
}

async function oldestActive(db: Database, siteId: number) {
  const [row] = await db
    .select()
    .from(signingKeys)
    .where(and(eq(signingKeys.siteId, siteId), isNull(signingKeys.retiredAt)))
    .orderBy(asc(signingKeys.createdAt), asc(signingKeys.id))
    .limit(1);
  return row ?? null;
}

/**
 * Creates an Ed25519 key pair for a site and stores it, its private half sealed with the
 * database's secret (`protectSigningKeys`; format in `sealPrivateJwk`). Two instances racing here may both
 * insert a key; both then pick the same one (the oldest active), and both stay in the JWKS.
 */
export async function createSigningKey(
  db: Database,
  site: { id: number; key: string },
  now: number,
): Promise<string> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const [publicJwk, privateJwk] = await Promise.all([
    crypto.subtle.exportKey("jwk", pair.publicKey),
    crypto.subtle.exportKey("jwk", pair.privateKey),
  ]);
  const day = new Date(now).toISOString().slice(0, 10);
  const kid = `${site.key}-${day}-${randomHex(4)}`;
  await db.insert(signingKeys).values({
    id: kid,
    siteId: site.id,
    algorithm: "Ed25519",
    publicJwk: JSON.stringify({ kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x }),
    privateJwk: await sealPrivateJwk(await keyringOf(db), kid, JSON.stringify(privateJwk)),
    createdAt: now,
  });
  return kid;
}

/**
 * The key that signs a site's new receipts: the oldest key not retired, created on first need.
 * Cached per database for the life of the process (a retired key is noticed on restart). Only
 * the loaded key is cached, not a pending load (Workers forbid waiting on another request's I/O).
 */
export async function signingKeyFor(
  db: Database,
  site: { id: number; key: string },
  now: number,
): Promise<SigningKey> {
  let perDb = active.get(db);
  if (!perDb) {
    perDb = new Map();
    active.set(db, perDb);
  }
  const cached = perDb.get(site.id);
  if (cached) return cached;
  let row = await oldestActive(db, site.id);
  if (!row) {
    await createSigningKey(db, site, now);
    row = await oldestActive(db, site.id);
  }
  if (!row) throw new Error(`no signing key for site ${site.key}`);
  const key = await importPrivate(db, row.id, row.privateJwk);
  perDb.set(site.id, key);
  return key;
}

/** Forgets cached keys, e.g. after a key is retired. */
export function forgetSigningKeys(db: Database): void {
  active.delete(db);
}

/** Every public key of a site, retired ones included (they still verify what they signed). */
export async function siteJwks(db: Database, siteId: number): Promise<ReceiptJwks> {
  const rows = await db
    .select({ id: signingKeys.id, publicJwk: signingKeys.publicJwk })
    .from(signingKeys)
    .where(eq(signingKeys.siteId, siteId))
    .orderBy(asc(signingKeys.createdAt), asc(signingKeys.id));
  const keys: ReceiptJwk[] = rows.map((row) => {
    const jwk = JSON.parse(row.publicJwk) as { x: string };
    return { kty: "OKP", crv: "Ed25519", x: jwk.x, kid: row.id, alg: "EdDSA", use: "sig" };
  });
  return { keys };
}
