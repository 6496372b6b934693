import { type ReceiptProof, receiptDigest, type StoredReceipt } from "@assent/core";
import type { SigningKey } from "./signing-keys";

function base64Url(bytes: ArrayBuffer): string {
  let binary = "";
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Signs a receipt: SHA-256 over the canonical JSON of the signed fields, then Ed25519 over the
 * digest's ASCII bytes. `verifyReceipt` in `@assent/core` checks it with the site's JWKS.
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
  return { alg: "EdDSA", kid: key.kid, digest, signature: base64Url(signature) };
}
