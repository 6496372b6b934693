// Ed25519 through WebCrypto (`globalThis.crypto.subtle`): browsers, Node 20+ and Workers.
import { concatBytes, fromBase64, web } from "./bytes";

/** A WebCrypto key (`CryptoKey`), typed structurally so core needs no DOM types. */
export interface WebCryptoKey {
  readonly type: string;
  readonly algorithm: unknown;
}

interface Subtle {
  importKey(
    format: string,
    key: Uint8Array | object,
    algorithm: { name: string },
    extractable: boolean,
    usages: string[],
  ): Promise<WebCryptoKey>;
  exportKey(format: "jwk", key: WebCryptoKey): Promise<{ x?: string; d?: string }>;
  exportKey(format: "raw", key: WebCryptoKey): Promise<ArrayBuffer>;
  generateKey(
    algorithm: { name: string },
    extractable: boolean,
    usages: string[],
  ): Promise<{ privateKey: WebCryptoKey; publicKey: WebCryptoKey }>;
  sign(algorithm: { name: string }, key: WebCryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
  verify(
    algorithm: { name: string },
    key: WebCryptoKey,
    signature: Uint8Array,
    data: Uint8Array,
  ): Promise<boolean>;
}

const ED25519 = { name: "Ed25519" };
const subtle = () => (web().crypto as { subtle: Subtle }).subtle;

/** Signs `message` with an Ed25519 private key: 64 bytes. */
export async function ed25519Sign(
  privateKey: WebCryptoKey,
  message: Uint8Array,
): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign(ED25519, privateKey, message));
}

/** Whether `signature` is a valid Ed25519 signature of `message` by the 32-byte `publicKey`. */
export async function ed25519Verify(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = await subtle().importKey("raw", publicKey, ED25519, false, ["verify"]);
    return await subtle().verify(ED25519, key, signature, message);
  } catch {
    return false;
  }
}

/** A fresh Ed25519 key pair: the private key (not extractable) and the raw 32-byte public key. */
export async function ed25519Generate(): Promise<{
  privateKey: WebCryptoKey;
  publicKey: Uint8Array;
}> {
  const pair = await subtle().generateKey(ED25519, false, ["sign", "verify"]);
  const publicKey = new Uint8Array(await subtle().exportKey("raw", pair.publicKey));
  return { privateKey: pair.privateKey, publicKey };
}

// PKCS #8 wrapping of a bare Ed25519 seed (RFC 8410).
const PKCS8_PREFIX = Uint8Array.of(
  0x30,
  0x2e,
  0x02,
  0x01,
  0x00,
  0x30,
  0x05,
  0x06,
  0x03,
  0x2b,
  0x65,
  0x70,
  0x04,
  0x22,
  0x04,
  0x20,
);

/** Imports a 32-byte Ed25519 seed; returns the signing key and its raw public key. */
export async function ed25519FromSeed(
  seed: Uint8Array,
): Promise<{ privateKey: WebCryptoKey; publicKey: Uint8Array }> {
  if (seed.length !== 32) throw new TypeError("an Ed25519 seed is 32 bytes");
  const extractable = await subtle().importKey(
    "pkcs8",
    concatBytes(PKCS8_PREFIX, seed),
    ED25519,
    true,
    ["sign"],
  );
  const jwk = await subtle().exportKey("jwk", extractable);
  return ed25519FromJwk({ kty: "OKP", crv: "Ed25519", d: jwk.d ?? "", x: jwk.x ?? "" });
}

/** Imports a private Ed25519 JWK (`d` and `x`), e.g. a site's receipt signing key. */
export async function ed25519FromJwk(jwk: {
  kty: string;
  crv: string;
  d: string;
  x: string;
}): Promise<{ privateKey: WebCryptoKey; publicKey: Uint8Array }> {
  const privateKey = await subtle().importKey(
    "jwk",
    { kty: jwk.kty, crv: jwk.crv, d: jwk.d, x: jwk.x },
    ED25519,
    false,
    ["sign"],
  );
  const b64 = jwk.x.replace(/-/g, "+").replace(/_/g, "/");
  const publicKey = fromBase64(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  if (publicKey?.length !== 32) throw new TypeError("bad Ed25519 public key");
  return { privateKey, publicKey };
}
