// C2SP tlog-cosignature (Ed25519, type 0x04): a witness's timestamped signature of a checkpoint.
import { fromBase64 } from "./bytes";
import { ed25519Sign, ed25519Verify } from "./ed25519";
import {
  cosignatureMessage,
  keyHash,
  type NoteSigner,
  parseVerifierKey,
  SIGNATURE_TYPE,
  signatureLine,
  type VerifierKey,
} from "./note";

/**
 * A witness cosigns a checkpoint body (the note text, without signatures) at a time: returns
 * the signature line `— <witness name> base64(keyid || u64 timestamp || signature)\n`.
 * @example const line = await cosignCheckpoint(opened.text, witness, Math.floor(Date.now() / 1000));
 */
export async function cosignCheckpoint(
  checkpointBody: string,
  witness: NoteSigner,
  timestampSeconds: number,
): Promise<string> {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new RangeError("a cosignature timestamp is whole POSIX seconds");
  }
  const signature = await ed25519Sign(
    witness.privateKey,
    cosignatureMessage(checkpointBody, timestampSeconds),
  );
  const body = new Uint8Array(8 + 64);
  new DataView(body.buffer).setBigUint64(0, BigInt(timestampSeconds));
  body.set(signature, 8);
  const hash = keyHash(witness.name, SIGNATURE_TYPE.cosignature, witness.publicKey);
  return signatureLine(witness.name, hash, body);
}

/** Why a cosignature line did or did not verify. */
export type CosignatureCheck =
  | { valid: true; name: string; timestamp: number }
  | { valid: false; reason: "MALFORMED" | "OTHER_KEY" | "BAD_SIGNATURE" };

/**
 * Checks one cosignature line against a checkpoint body and the witness's verifier key (type
 * 0x04).
 * @example await verifyCosignature(opened.text, line, witnessVkey); // { valid: true, timestamp }
 */
export async function verifyCosignature(
  checkpointBody: string,
  signatureLine: string,
  witnessKey: string | VerifierKey,
): Promise<CosignatureCheck> {
  const key = typeof witnessKey === "string" ? parseVerifierKey(witnessKey) : witnessKey;
  const match = /^— (\S+) ([A-Za-z0-9+/=]+)\n?$/u.exec(signatureLine);
  const bytes = match ? fromBase64(match[2] as string) : null;
  if (!match || !bytes || bytes.length !== 4 + 8 + 64) return { valid: false, reason: "MALFORMED" };
  const view = new DataView(bytes.buffer);
  if (
    key.type !== SIGNATURE_TYPE.cosignature ||
    match[1] !== key.name ||
    view.getUint32(0) !== key.keyHash
  ) {
    return { valid: false, reason: "OTHER_KEY" };
  }
  const timestamp = Number(view.getBigUint64(4));
  const ok = await ed25519Verify(
    key.publicKey,
    cosignatureMessage(checkpointBody, timestamp),
    bytes.subarray(12),
  );
  return ok
    ? { valid: true, name: key.name, timestamp }
    : { valid: false, reason: "BAD_SIGNATURE" };
}
