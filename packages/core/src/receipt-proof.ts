import { canonicalJson, sha256Hex } from "./canonical-json";
import type { StoredReceipt } from "./receipt";

/**
 * The fields of a stored receipt that its signature covers, in no particular order (the canonical
 * serialisation sorts keys). The `OMITTED_WHEN_ABSENT` ones are left out when absent (so a
 * receipt signed before they existed keeps its digest); every other field is always present
 * (`null` where the server had nothing).
 */
export const SIGNED_RECEIPT_FIELDS = [
  "id",
  "siteKey",
  "subjectId",
  "policyVersion",
  "configHash",
  "language",
  "method",
  "decision",
  "gpc",
  "pagePath",
  "previousId",
  "serverTime",
  "ip",
  "userAgent",
  "gpcHeader",
  "jurisdiction",
  "subdivision",
  "ruleId",
  "configVersion",
  "wording",
] as const;

/** Signed fields left out of the signing payload when a receipt has none (added over time). */
export const OMITTED_WHEN_ABSENT: readonly string[] = [
  "pagePath",
  "subdivision",
  "ruleId",
  "configVersion",
  "wording",
];

/** An Ed25519 public key as published in a site's JWKS. */
export interface ReceiptJwk {
  kty: "OKP";
  crv: "Ed25519";
  /** Public key, base64url. */
  x: string;
  kid: string;
  alg?: "EdDSA";
  use?: "sig";
}

/** `GET /v1/sites/:key/jwks`. */
export interface ReceiptJwks {
  keys: ReceiptJwk[];
}

/**
 * The exact bytes (as a string) whose SHA-256 is the receipt's `proof.digest`: the canonical JSON
 * of the signed fields.
 */
export function receiptSigningPayload(receipt: Omit<StoredReceipt, "proof">): string {
  const record = receipt as unknown as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const field of SIGNED_RECEIPT_FIELDS) {
    const value = record[field];
    picked[field] = value === undefined && !OMITTED_WHEN_ABSENT.includes(field) ? null : value;
  }
  return canonicalJson(picked);
}

/** SHA-256 hex of the signing payload. The signature is made over this digest's ASCII bytes. */
export function receiptDigest(receipt: Omit<StoredReceipt, "proof">): Promise<string> {
  return sha256Hex(receiptSigningPayload(receipt));
}

interface Web {
  atob(data: string): string;
  TextEncoder: new () => { encode(text: string): Uint8Array };
  crypto: { subtle: SubtleVerify };
}

interface SubtleVerify {
  importKey(
    format: "jwk",
    key: object,
    algorithm: { name: string },
    extractable: boolean,
    usages: string[],
  ): Promise<unknown>;
  verify(
    algorithm: { name: string },
    key: unknown,
    sig: Uint8Array,
    data: Uint8Array,
  ): Promise<boolean>;
}

const web = () => globalThis as unknown as Web;

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = web().atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/** Why a receipt did or did not verify. */
export type ReceiptVerification =
  | { valid: true; kid: string }
  | { valid: false; reason: "UNSIGNED" | "UNKNOWN_KEY" | "DIGEST_MISMATCH" | "BAD_SIGNATURE" };

/**
 * Verifies a receipt offline, with nothing but the receipt JSON and the site's JWKS: recomputes
 * the digest over the signed fields and checks the Ed25519 signature with the key named by
 * `proof.kid`. Works in browsers, Node and Workers (WebCrypto).
 * @example const { valid } = await verifyReceipt(receipt, await (await fetch(jwksUrl)).json());
 */
export async function verifyReceipt(
  receipt: StoredReceipt,
  jwks: ReceiptJwks,
): Promise<ReceiptVerification> {
  const proof = receipt.proof;
  if (!proof) return { valid: false, reason: "UNSIGNED" };
  const jwk = jwks.keys.find((k) => k.kid === proof.kid && k.kty === "OKP" && k.crv === "Ed25519");
  if (!jwk) return { valid: false, reason: "UNKNOWN_KEY" };
  if ((await receiptDigest(receipt)) !== proof.digest) {
    return { valid: false, reason: "DIGEST_MISMATCH" };
  }
  const subtle = web().crypto.subtle;
  const key = await subtle.importKey(
    "jwk",
    { kty: jwk.kty, crv: jwk.crv, x: jwk.x },
    { name: "Ed25519" },
    false,
    ["verify"],
  );
  let ok = false;
  try {
    ok = await subtle.verify(
      { name: "Ed25519" },
      key,
      fromBase64Url(proof.signature),
      new (web().TextEncoder)().encode(proof.digest),
    );
  } catch {
    ok = false;
  }
  return ok ? { valid: true, kid: jwk.kid } : { valid: false, reason: "BAD_SIGNATURE" };
}
