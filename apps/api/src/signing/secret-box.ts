import { fromBase64Url, toBase64Url } from "./base64url";

/**
 * The secrets signing private keys are sealed with: `current` (`ASSENT_SECRET`) seals and is
 * tried first; `previous` (`ASSENT_SECRET_PREVIOUS`, during a rotation) is tried when `current`
 * cannot open a key.
 */
export interface SigningSecrets {
  current: string;
  previous?: string;
}

/** The AES-256-GCM keys derived from `SigningSecrets` (non-extractable). */
export interface Keyring {
  current: CryptoKey;
  previous?: CryptoKey;
}

/** Which secret opened a stored key, or `plaintext` for a row written before sealing. */
export type OpenedWith = "current" | "previous" | "plaintext";

/** A stored private key that no secret of the keyring opens (wrong secret, or tampered row). */
export class SigningKeyUnreadableError extends Error {
  readonly code = "SIGNING_KEY_UNREADABLE";
  constructor(readonly kid: string) {
    super(
      `The signing key ${kid} cannot be decrypted with ASSENT_SECRET` +
        " (nor ASSENT_SECRET_PREVIOUS): set the secret it was sealed with" +
        " (during a rotation, as ASSENT_SECRET_PREVIOUS)",
    );
    this.name = "SigningKeyUnreadableError";
  }
}

/** Prefix of the current stored format. */
export const SEALED_V1 = "v1:";

const text = new TextEncoder();
const HKDF_SALT = text.encode("assent/signing-keys");
const HKDF_INFO = text.encode("v1 AES-256-GCM");

async function deriveKey(secret: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey("raw", text.encode(secret), "HKDF", false, [
    "deriveKey",
  ]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: HKDF_SALT, info: HKDF_INFO },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

/** Derives the sealing keys of `secrets` (HKDF-SHA-256 to AES-256-GCM, WebCrypto only). */
export async function deriveKeyring(secrets: SigningSecrets): Promise<Keyring> {
  const current = await deriveKey(secrets.current);
  return secrets.previous ? { current, previous: await deriveKey(secrets.previous) } : { current };
}

/**
 * Seals a private JWK (its JSON text) for the row of key `kid`.
 *
 * Stored format, `v1:IV:CIPHERTEXT`:
 * - `IV`: 12 random bytes (96 bits), new for every sealing, base64url;
 * - `CIPHERTEXT`: AES-256-GCM of the JWK's JSON text (UTF-8), its 16-byte tag appended,
 *   base64url;
 * - the AES key: HKDF-SHA-256 of the secret's UTF-8 bytes, salt `assent/signing-keys`, info
 *   `v1 AES-256-GCM`;
 * - additional authenticated data: the key id (UTF-8), so a sealed key moved to another row
 *   does not open.
 *
 * A later format gets another prefix (`v2:`); a value starting with `{` is a plaintext JWK
 * written before keys were sealed.
 * @example
 * const stored = await sealPrivateJwk(keyring, "demo-2026-05-01-ab12cd34", JSON.stringify(jwk));
 * // "v1:3q2-7w...:Zm9v..."
 */
export async function sealPrivateJwk(keyring: Keyring, kid: string, jwk: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: text.encode(kid) },
    keyring.current,
    text.encode(jwk),
  );
  return `${SEALED_V1}${toBase64Url(iv)}:${toBase64Url(sealed)}`;
}

async function tryOpen(key: CryptoKey, kid: string, iv: Uint8Array, sealed: Uint8Array) {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: iv as BufferSource, additionalData: text.encode(kid) },
      key,
      sealed as BufferSource,
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null; // wrong key, other row, or altered bytes: the tag does not match
  }
}

/**
 * Opens a stored private key of row `kid`: a `v1:` value with the current secret, else the
 * previous one; a legacy plaintext JWK as it is. Throws `SigningKeyUnreadableError` when no
 * secret opens it.
 */
export async function openPrivateJwk(
  keyring: Keyring,
  kid: string,
  stored: string,
): Promise<{ jwk: string; openedWith: OpenedWith }> {
  if (stored.startsWith("{")) return { jwk: stored, openedWith: "plaintext" };
  const [prefix, ivText, sealedText, ...rest] = stored.split(":");
  if (`${prefix}:` !== SEALED_V1 || !ivText || !sealedText || rest.length > 0) {
    throw new SigningKeyUnreadableError(kid);
  }
  let iv: Uint8Array;
  let sealed: Uint8Array;
  try {
    iv = fromBase64Url(ivText);
    sealed = fromBase64Url(sealedText);
  } catch {
    throw new SigningKeyUnreadableError(kid);
  }
  const current = await tryOpen(keyring.current, kid, iv, sealed);
  if (current !== null) return { jwk: current, openedWith: "current" };
  const previous = keyring.previous && (await tryOpen(keyring.previous, kid, iv, sealed));
  if (previous) return { jwk: previous, openedWith: "previous" };
  throw new SigningKeyUnreadableError(kid);
}
