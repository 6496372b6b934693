import { type Database, signingKeys } from "@assent/db";
import { and, eq } from "drizzle-orm";
import { toBase64Url } from "./base64url";
import {
  deriveKeyring,
  type Keyring,
  openPrivateJwk,
  type SigningSecrets,
  sealPrivateJwk,
} from "./secret-box";

const keyrings = new WeakMap<Database, Keyring>();
/** Shared as a promise, so callers racing on the first use all get the one keyring. */
let processKeyring: Promise<Keyring> | undefined;

/**
 * The keyring that seals and opens `db`'s signing keys: the one `protectSigningKeys` gave it, or
 * else one derived from a random secret that lives as long as this process (a database no
 * runtime set a secret for: tests, `:memory:`). Keys sealed with that one do not open after a
 * restart, which is why both runtimes always call `protectSigningKeys` first.
 */
export async function keyringOf(db: Database): Promise<Keyring> {
  const registered = keyrings.get(db);
  if (registered) return registered;
  processKeyring ??= deriveKeyring({
    current: toBase64Url(crypto.getRandomValues(new Uint8Array(32))),
  });
  return processKeyring;
}

/** What `protectSigningKeys` changed in the stored keys. */
export interface ProtectionReport {
  /** Plaintext keys (written before sealing existed) now sealed with the current secret. */
  sealed: number;
  /** Keys that only the previous secret opened, now sealed with the current one. */
  resealed: number;
}

/**
 * Gives `db` its secrets and brings every stored private key (retired ones too) to the current
 * secret: plaintext rows are sealed, rows sealed with `previous` are sealed again with `current`.
 * Run at start-up, before anything signs. Once it has completed, `previous` can be removed.
 * Throws `SigningKeyUnreadableError` when a key opens with neither secret: the server must not
 * start, and sign with new keys, under a wrong secret. Idempotent; two instances running it at
 * once each write a valid sealing, and a row changed meanwhile is left to the other.
 * @example
 * await protectSigningKeys(db, { current: env.ASSENT_SECRET, previous: env.ASSENT_SECRET_PREVIOUS });
 */
export async function protectSigningKeys(
  db: Database,
  secrets: SigningSecrets,
): Promise<ProtectionReport> {
  const keyring = await deriveKeyring(secrets);
  const rows = await db
    .select({ id: signingKeys.id, privateJwk: signingKeys.privateJwk })
    .from(signingKeys);
  const report: ProtectionReport = { sealed: 0, resealed: 0 };
  for (const row of rows) {
    const { jwk, openedWith } = await openPrivateJwk(keyring, row.id, row.privateJwk);
    if (openedWith === "current") continue;
    await db
      .update(signingKeys)
      .set({ privateJwk: await sealPrivateJwk(keyring, row.id, jwk) })
      .where(and(eq(signingKeys.id, row.id), eq(signingKeys.privateJwk, row.privateJwk)));
    report[openedWith === "plaintext" ? "sealed" : "resealed"]++;
  }
  keyrings.set(db, keyring);
  return report;
}
