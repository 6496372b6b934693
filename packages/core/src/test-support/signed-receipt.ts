import type { StoredReceipt } from "../receipt";
import type { ReceiptJwks } from "../receipt-proof";
import { receiptDigest } from "../receipt-proof";
import { toBase64, utf8 } from "../transparency/bytes";
import type { WebCryptoKey } from "../transparency/ed25519";

interface SubtleSign {
  sign(a: object, k: WebCryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
  exportKey(f: "jwk", k: WebCryptoKey): Promise<{ x?: string }>;
  generateKey(
    a: object,
    e: boolean,
    u: string[],
  ): Promise<{ publicKey: WebCryptoKey; privateKey: WebCryptoKey }>;
}
const subtle = () => (globalThis as unknown as { crypto: { subtle: SubtleSign } }).crypto.subtle;

const base64Url = (bytes: Uint8Array) =>
  toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/**
 * For tests: a receipt signed as the API signs them (a fresh Ed25519 key, `kid` `demo-k1`), with
 * the JWKS that verifies it; `extra` overrides its fields before signing.
 * @example const { receipt, jwks } = await signedReceipt({ method: "custom" });
 */
export async function signedReceipt(
  extra: Partial<StoredReceipt> = {},
): Promise<{ receipt: StoredReceipt; jwks: ReceiptJwks }> {
  const pair = await subtle().generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
  const jwk = await subtle().exportKey("jwk", pair.publicKey);
  const receipt: StoredReceipt = {
    id: "01934f5e-8c2a-7b3d-9f00-1a2b3c4d5e6f",
    siteKey: "demo",
    subjectId: "AAAAAAAAAAAAAAAAAAAAAA",
    policyVersion: "2",
    configHash: "a".repeat(64),
    language: "en",
    method: "reject-all",
    decision: { categories: { necessary: true, analytics: false }, services: {} },
    gpc: false,
    previousId: null,
    serverTime: "2026-11-25T10:00:00.000Z",
    ip: "203.0.113.0",
    userAgent: "Test/1",
    gpcHeader: false,
    jurisdiction: "GB",
    ...extra,
  };
  const digest = await receiptDigest(receipt);
  const sig = new Uint8Array(
    await subtle().sign({ name: "Ed25519" }, pair.privateKey, utf8(digest)),
  );
  receipt.proof = { alg: "EdDSA", kid: "demo-k1", digest, signature: base64Url(sig) };
  return {
    receipt,
    jwks: { keys: [{ kty: "OKP", crv: "Ed25519", x: jwk.x as string, kid: "demo-k1" }] },
  };
}
