import { fromBase64, toBase64 } from "@assent/core";
import { type Keyring, openPrivateJwk, sealPrivateJwk } from "./secret-box";

const ED25519 = { name: "Ed25519" };

/** An Ed25519 key pair as a key store keeps it: never the private half in the clear. */
export interface SealedEd25519 {
  /** The raw 32-byte public key, base64. */
  publicKey: string;
  /** The private JWK sealed with the database's secret under `label` (`sealPrivateJwk`). */
  privateKey: string;
}

/**
 * A new Ed25519 key pair for a note-signing key store (a site's log, this server's witness),
 * its private half sealed under `label`, what the sealing is bound to.
 * @example await db.insert(logKeys).values({ siteId, ...(await newSealedEd25519(ring, label)) });
 */
export async function newSealedEd25519(keyring: Keyring, label: string): Promise<SealedEd25519> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const [raw, privateJwk] = await Promise.all([
    crypto.subtle.exportKey("raw", pair.publicKey) as Promise<ArrayBuffer>,
    crypto.subtle.exportKey("jwk", pair.privateKey),
  ]);
  return {
    publicKey: toBase64(new Uint8Array(raw)),
    privateKey: await sealPrivateJwk(keyring, label, JSON.stringify(privateJwk)),
  };
}

/** Opens a stored pair for signing: its private key (not extractable) and raw public key. */
export async function openSealedEd25519(
  keyring: Keyring,
  label: string,
  stored: SealedEd25519,
): Promise<{ privateKey: CryptoKey; publicKey: Uint8Array }> {
  const { jwk } = await openPrivateJwk(keyring, label, stored.privateKey);
  const privateKey = await crypto.subtle.importKey(
    "jwk",
    JSON.parse(jwk) as JsonWebKey,
    ED25519,
    false,
    ["sign"],
  );
  return { privateKey, publicKey: fromBase64(stored.publicKey) as Uint8Array };
}

/**
 * The private half sealed again with the current secret when only the previous one opens it
 * (a rotation of `ASSENT_SECRET`), or `null` when it is already sealed with the current one.
 * Throws `SigningKeyUnreadableError` when it opens with neither.
 */
export async function resealedEd25519(
  keyring: Keyring,
  label: string,
  sealed: string,
): Promise<string | null> {
  const { jwk, openedWith } = await openPrivateJwk(keyring, label, sealed);
  return openedWith === "current" ? null : sealPrivateJwk(keyring, label, jwk);
}
