import { noteVerifierKey } from "@assent/core";
import { type Database, logKeys } from "@assent/db";
import { eq } from "drizzle-orm";
import {
  deriveKeyring,
  type Keyring,
  keyringOf,
  openPrivateJwk,
  type SigningSecrets,
  sealPrivateJwk,
} from "../signing";

/** A site's checkpoint key, ready to sign notes. */
export interface LogKey {
  /** The key name, which is also the log's origin (`consent.example.org/v1/sites/demo/log`). */
  name: string;
  privateKey: CryptoKey;
  /** The raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
  /** The note verifier key (`name+hash+key`), what `GET .../log/vkey` serves. */
  vkey: string;
}

const ED25519 = { name: "Ed25519" };
const cache = new WeakMap<Database, Map<number, LogKey>>();

/** What a sealed log key is bound to (the sealing's additional data): its site's row. */
const sealLabel = (siteId: number) => `log-key:${siteId}`;

/**
 * The origin of a site's log: `<host of the public URL>/v1/sites/<key>/log`. A server without
 * `PUBLIC_URL` answers on every loopback name: its logs are named `localhost:PORT/...` whichever
 * name a request used, so the name does not depend on who asked first.
 */
export function logOrigin(publicOrigin: string, siteKey: string): string {
  const url = new URL(publicOrigin);
  const loopback = url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  const host = loopback ? `localhost${url.port ? `:${url.port}` : ""}` : url.host;
  return `${host}/v1/sites/${siteKey}/log`;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

async function load(db: Database, keyring: Keyring, siteId: number): Promise<LogKey | null> {
  const [row] = await db.select().from(logKeys).where(eq(logKeys.siteId, siteId)).limit(1);
  if (!row) return null;
  const { jwk } = await openPrivateJwk(keyring, sealLabel(siteId), row.privateKey);
  const privateKey = await crypto.subtle.importKey(
    "jwk",
    JSON.parse(jwk) as JsonWebKey,
    ED25519,
    false,
    ["sign"],
  );
  const publicKey = fromBase64(row.publicKey);
  return { name: row.name, privateKey, publicKey, vkey: noteVerifierKey(row.name, publicKey) };
}

/**
 * The key that signs a site's checkpoints, created on first need with the name `origin` (the
 * log's origin, `logOrigin(...)`). A log keeps the name it was created with: a later change of
 * `PUBLIC_URL` does not change a log's origin. Two instances creating it at once both end up with
 * the one stored first. The private half is sealed like the receipt signing keys.
 */
export async function logKeyFor(
  db: Database,
  site: { id: number },
  origin: string,
  now: number,
  keyring?: Keyring,
): Promise<LogKey> {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  const cached = perDb.get(site.id);
  if (cached) return cached;
  const ring = keyring ?? (await keyringOf(db));
  let key = await load(db, ring, site.id);
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
      .insert(logKeys)
      .values({
        siteId: site.id,
        name: origin,
        publicKey: toBase64(new Uint8Array(raw)),
        privateKey: await sealPrivateJwk(ring, sealLabel(site.id), JSON.stringify(privateJwk)),
        createdAt: now,
      })
      .onConflictDoNothing();
    key = await load(db, ring, site.id);
  }
  if (!key) throw new Error(`no log key for site ${site.id}`);
  perDb.set(site.id, key);
  return key;
}

/**
 * Brings every stored log key to the current secret, as `protectSigningKeys` does for the
 * receipt signing keys (run beside it at start-up): a key only `previous` opens is sealed again
 * with `current`. Throws `SigningKeyUnreadableError` when a key opens with neither.
 * @returns how many keys were sealed again
 */
export async function protectLogKeys(db: Database, secrets: SigningSecrets): Promise<number> {
  const keyring = await deriveKeyring(secrets);
  const rows = await db
    .select({ siteId: logKeys.siteId, privateKey: logKeys.privateKey })
    .from(logKeys);
  let resealed = 0;
  for (const row of rows) {
    const label = sealLabel(row.siteId);
    const { jwk, openedWith } = await openPrivateJwk(keyring, label, row.privateKey);
    if (openedWith === "current") continue;
    await db
      .update(logKeys)
      .set({ privateKey: await sealPrivateJwk(keyring, label, jwk) })
      .where(eq(logKeys.siteId, row.siteId));
    resealed++;
  }
  return resealed;
}
