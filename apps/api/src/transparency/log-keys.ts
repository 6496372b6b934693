import { noteVerifierKey } from "@assent/core";
import { type Database, logKeys } from "@assent/db";
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

async function load(db: Database, keyring: Keyring, siteId: number): Promise<LogKey | null> {
  const [row] = await db.select().from(logKeys).where(eq(logKeys.siteId, siteId)).limit(1);
  if (!row) return null;
  const { privateKey, publicKey } = await openSealedEd25519(keyring, sealLabel(siteId), row);
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
    await db
      .insert(logKeys)
      .values({
        siteId: site.id,
        name: origin,
        ...(await newSealedEd25519(ring, sealLabel(site.id))),
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
    const sealed = await resealedEd25519(keyring, sealLabel(row.siteId), row.privateKey);
    if (!sealed) continue;
    await db.update(logKeys).set({ privateKey: sealed }).where(eq(logKeys.siteId, row.siteId));
    resealed++;
  }
  return resealed;
}
