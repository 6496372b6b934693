import { type NoteSigner, witnessVerifierKey } from "@assent/core";
import { type Database, witnessKey } from "@assent/db";
import { eq } from "drizzle-orm";
import {
  deriveKeyring,
  type Keyring,
  keyringOf,
  newSealedEd25519,
  openSealedEd25519,
  resealedEd25519,
  type SigningSecrets,
} from "../signing";

/** This server's witness key, ready to cosign. */
export interface WitnessKey extends NoteSigner {
  /** The cosignature verifier key (type 0x04), what `GET /v1/witness/vkey` serves. */
  vkey: string;
}

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
  const { privateKey, publicKey } = await openSealedEd25519(keyring, SEAL_LABEL, row);
  return { name: row.name, privateKey, publicKey, vkey: witnessVerifierKey(row.name, publicKey) };
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
    await db
      .insert(witnessKey)
      .values({
        id: ROW,
        name,
        ...(await newSealedEd25519(ring, SEAL_LABEL)),
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
  const sealed = await resealedEd25519(keyring, SEAL_LABEL, row.privateKey);
  if (!sealed) return false;
  await db.update(witnessKey).set({ privateKey: sealed }).where(eq(witnessKey.id, ROW));
  return true;
}
