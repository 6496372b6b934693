import {
  type ReceiptProof,
  receiptSigningPayload,
  type StoredReceipt,
  sha256Hex,
} from "@assent/core";
import { toBase64Url } from "./base64url";
import type { SigningKey } from "./signing-keys";

/**
 * The two primitives a receipt signature needs. WebCrypto by default (Node and Workers); a
 * runtime may pass faster equivalents (the Node entry uses `node:crypto`, synchronous, which
 * spares two thread-pool round trips per receipt). Both must give byte-identical results.
 */
export interface SignaturePrimitives {
  sha256Hex(text: string): string | Promise<string>;
  signEd25519(key: CryptoKey, data: Uint8Array): Uint8Array | ArrayBuffer | Promise<ArrayBuffer>;
}

/** WebCrypto, available everywhere. */
export const webPrimitives: SignaturePrimitives = {
  sha256Hex,
  signEd25519: (key, data) => crypto.subtle.sign({ name: "Ed25519" }, key, data as BufferSource),
};

/** The hex SHA-256 of a receipt's canonical signed fields: what its signature covers. */
export async function digestReceipt(
  receipt: Omit<StoredReceipt, "proof">,
  primitives: SignaturePrimitives = webPrimitives,
): Promise<string> {
  return primitives.sha256Hex(receiptSigningPayload(receipt));
}

/**
 * Signs a receipt: SHA-256 over the canonical JSON of the signed fields, then Ed25519 over the
 * digest's ASCII bytes. `verifyReceipt` in `@assent/core` checks it with the site's JWKS.
 */
export async function signReceipt(
  receipt: Omit<StoredReceipt, "proof">,
  key: SigningKey,
  primitives: SignaturePrimitives = webPrimitives,
): Promise<ReceiptProof> {
  const digest = await digestReceipt(receipt, primitives);
  const signature = await primitives.signEd25519(key.privateKey, new TextEncoder().encode(digest));
  return { alg: "EdDSA", kid: key.kid, digest, signature: toBase64Url(signature) };
}
