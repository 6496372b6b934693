import { fromBase64, type NoteSigner, toBase64, witnessVerifierKey } from "@assent/core";
import { type Database, witnessKey } from "@assent/db";
import { eq } from "drizzle-orm";
import {
  deriveKeyring,
  type Keyring,
  keyringOf,
  openPrivateJwk,
  type SigningSecrets,
  sealPrivateJwk,
} from "../signing";

/** This server's witness key, ready to cosign. */
export interface WitnessKey extends NoteSigner {
  /** The cosignature verifier key (type 0x04), what `GET /v1/witness/vkey` serves. */
  vkey: string;
}

const ED25519 = { name: "Ed25519" };
const ROW = 1;
/** What the sealed key is bound to (the sealing's additional data). */
const SEAL_LABEL = "witness-key";
const cache = new WeakMap<Database, WitnessKey>();

/** The witness's name: `<host of the public URL>/witness`. */
export function witnessName(publicOrigin: string): string {
  return `${new URL(publicOrigin).host}/witness`;
}

async function load(db: Database, keyring: Keyring): Promise<WitnessKey | null> {
  const [row] = await db.select().from(witnessKey).where(eq(witnessKey.id, ROW)).limit(1);
  if (!row) return null;
  const { jwk } = await openPrivateJwk(keyring, SEAL_LABEL, row.privateKey);
  const privateKey = await crypto.subtle.importKey(
    "jwk",
    JSON.parse(jwk) as JsonWebKey,
    ED25519,
    false,
    ["sign"],
  );
  const publicKey = fromBase64(row.publicKey) as Uint8Array;
  return {
    name: row.name,
    privateKey,
    publicKey,
    vkey: witnessVerifierKey(row.name, publicKey),
  };
}

/**
 * This server's witness key, created on first need with the name `name` (`witnessName(...)`)
 * and kept under it. Two instances creating it at once both end up with the one stored first.
 * The private half is sealed like the receipt and log signing keys.
 */
export async function witnessKeyFor(
  db: Database,
  name: string,
  now: number,
  keyring?: Keyring,
): Promise<WitnessKey> {
  const cached = cache.get(db);
  if (cached) return cached;
  const ring = keyring ?? (await keyringOf(db));
  let key = await load(db, ring);
  if (!key) {
    const pair = (await crypto.subtle.generateKey(ED25519, true, [
      "sign",
      "verify",
    ])) as CryptoKeyPair;
    const [raw, privateJwk] = await Promise.all([
      crypto.subtle.exportKey("raw", pair.publicKey) as Promise<ArrayBuffer>,
      crypto.subtle.exportKey("jwk", pair.privateKey),
    ]);
    await db
      .insert(witnessKey)
      .values({
        id: ROW,
        name,
        publicKey: toBase64(new Uint8Array(raw)),
        privateKey: await sealPrivateJwk(ring, SEAL_LABEL, JSON.stringify(privateJwk)),
        createdAt: now,
      })
      .onConflictDoNothing();
    key = await load(db, ring);
  }
  if (!key) throw new Error("no witness key");
  cache.set(db, key);
  return key;
}

/**
 * Brings the stored witness key to the current secret, as `protectLogKeys` does for the log
 * keys (run beside it at start-up). Throws `SigningKeyUnreadableError` when it opens with neither.
 * @returns whether the key was sealed again
 */
export async function protectWitnessKey(db: Database, secrets: SigningSecrets): Promise<boolean> {
  const keyring = await deriveKeyring(secrets);
  const [row] = await db.select().from(witnessKey).where(eq(witnessKey.id, ROW)).limit(1);
  if (!row) return false;
  const { jwk, openedWith } = await openPrivateJwk(keyring, SEAL_LABEL, row.privateKey);
  if (openedWith === "current") return false;
  await db
    .update(witnessKey)
    .set({ privateKey: await sealPrivateJwk(keyring, SEAL_LABEL, jwk) })
    .where(eq(witnessKey.id, ROW));
  return true;
}
