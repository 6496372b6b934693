import { type ReceiptProof, receiptDigest, type StoredReceipt } from "@assent/core";
import { toBase64Url } from "./base64url";
import type { SigningKey } from "./signing-keys";

/**
 * Signs a receipt, the one way receipts are signed on every runtime and thread (WebCrypto): the
 * digest is `receiptDigest` (SHA-256, hex, over the canonical JSON of the signed fields), and the
 * signature is Ed25519 over the digest's ASCII bytes. `verifyReceipt` in `@assent/core` checks
 * it with the site's JWKS.
 * @example const proof = await signReceipt(toStoredReceipt(row, site.key), key);
 */
export async function signReceipt(
  receipt: Omit<StoredReceipt, "proof">,
  key: SigningKey,
): Promise<ReceiptProof> {
  const digest = await receiptDigest(receipt);
  const signature = await crypto.subtle.sign(
    { name: "Ed25519" },
    key.privateKey,
    new TextEncoder().encode(digest),
  );
  return { alg: "EdDSA", kid: key.kid, digest, signature: toBase64Url(signature) };
}
