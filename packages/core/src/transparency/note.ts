// C2SP signed-note: a text, a blank line, and signature lines `— <name> base64(keyhash || sig)`.
import { fromBase64, fromUtf8, toBase64, utf8 } from "./bytes";
import { ed25519Sign, ed25519Verify, type WebCryptoKey } from "./ed25519";
import { sha256Sync } from "./sha256";

/** Signature types of a verifier key (the byte before the public key). */
export const SIGNATURE_TYPE = { ed25519: 0x01, cosignature: 0x04 } as const;

/** What went wrong opening a note or reading a key. */
export type NoteErrorCode =
  | "MALFORMED_NOTE"
  | "BAD_KEY"
  | "BAD_SIGNATURE"
  | "NO_VERIFIED_SIGNATURE";

/** A malformed note or key, a signature that does not verify, or no known signer. */
export class NoteError extends Error {
  constructor(
    readonly code: NoteErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "NoteError";
  }
}

/** Who signs a note: the key's name, its Ed25519 private key and raw 32-byte public key. */
export interface NoteSigner {
  name: string;
  /** The key hash; computed from name and public key when absent. */
  keyId?: number;
  privateKey: WebCryptoKey;
  publicKey: Uint8Array;
}

/** A parsed verifier key (`name+hhhhhhhh+base64(type || key)`). */
export interface VerifierKey {
  name: string;
  keyHash: number;
  /** {@link SIGNATURE_TYPE}: 0x01 for note signatures, 0x04 for tlog-cosignature. */
  type: number;
  publicKey: Uint8Array;
  vkey: string;
}

/** One signature line of a note. */
export interface NoteSignature {
  name: string;
  keyHash: number;
  /** base64(keyhash || signature), as on the line. */
  signature: string;
  /** A cosignature's timestamp (POSIX seconds), when verified as one. */
  timestamp?: number;
}

/** An opened note: its text, the signatures verified, and those by keys not given. */
export interface OpenedNote {
  text: string;
  verified: NoteSignature[];
  unverified: NoteSignature[];
}

const MAX_SIGNATURES = 100;
const SIGNATURE_PREFIX = "— ";

/** Whether a key name is valid: non-empty, no spaces, no `+`. */
export function isValidKeyName(name: string): boolean {
  return name !== "" && !/[\s\u0085+]/u.test(name) && fromUtf8(utf8(name)) === name;
}

/** The key hash: the first 4 bytes of SHA-256(name || "\n" || type || key), big-endian. */
export function keyHash(name: string, type: number, publicKey: Uint8Array): number {
  const digest = sha256Sync(utf8(`${name}\n`), Uint8Array.of(type), publicKey);
  return new DataView(digest.buffer).getUint32(0);
}

function encodeVerifierKey(name: string, type: number, publicKey: Uint8Array): string {
  if (!isValidKeyName(name))
    throw new NoteError("BAD_KEY", `invalid key name ${JSON.stringify(name)}`);
  if (publicKey.length !== 32) throw new NoteError("BAD_KEY", "an Ed25519 public key is 32 bytes");
  const hash = keyHash(name, type, publicKey).toString(16).padStart(8, "0");
  const key = new Uint8Array(33);
  key[0] = type;
  key.set(publicKey, 1);
  return `${name}+${hash}+${toBase64(key)}`;
}

/**
 * The note verifier key of an Ed25519 key: `name+hhhhhhhh+base64(0x01 || key)`, what Go's
 * `note.NewVerifier` reads.
 * @example const vkey = noteVerifierKey("consent.example.org/log/demo", publicKey);
 */
export function noteVerifierKey(name: string, publicKey: Uint8Array): string {
  return encodeVerifierKey(name, SIGNATURE_TYPE.ed25519, publicKey);
}

/**
 * The verifier key of a witness's Ed25519 cosigning key (tlog-cosignature, type 0x04).
 * @example const wkey = witnessVerifierKey("witness.example.org", publicKey);
 */
export function witnessVerifierKey(name: string, publicKey: Uint8Array): string {
  return encodeVerifierKey(name, SIGNATURE_TYPE.cosignature, publicKey);
}

/**
 * Reads a verifier key; throws {@link NoteError} `BAD_KEY` when it is malformed, of an unknown
 * type, or its hash does not match.
 * @example parseVerifierKey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
 */
export function parseVerifierKey(vkey: string): VerifierKey {
  const match = /^([^+]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(vkey);
  const key = match ? fromBase64(match[3] as string) : null;
  if (!match || !key || !isValidKeyName(match[1] as string) || key.length !== 33) {
    throw new NoteError("BAD_KEY", "malformed verifier key");
  }
  const name = match[1] as string;
  const type = key[0] as number;
  if (type !== SIGNATURE_TYPE.ed25519 && type !== SIGNATURE_TYPE.cosignature) {
    throw new NoteError("BAD_KEY", `unknown verifier key type 0x${type.toString(16)}`);
  }
  const publicKey = key.slice(1);
  const hash = Number.parseInt(match[2] as string, 16);
  if (hash !== keyHash(name, type, publicKey)) {
    throw new NoteError("BAD_KEY", "verifier key hash does not match its name and key");
  }
  return { name, keyHash: hash, type, publicKey, vkey };
}

function checkText(text: string): void {
  // Valid UTF-8 (no lone surrogates), no control characters but newline.
  const control = [...text].some((ch) => ch < " " && ch !== "\n");
  if (control || fromUtf8(utf8(text)) !== text) {
    throw new NoteError("MALFORMED_NOTE", "note text has control characters or invalid UTF-8");
  }
}

/** A signature line (`— name base64\n`) from a key name, key hash and signature bytes. */
export function signatureLine(name: string, hash: number, signature: Uint8Array): string {
  const bytes = new Uint8Array(4 + signature.length);
  new DataView(bytes.buffer).setUint32(0, hash);
  bytes.set(signature, 4);
  return `${SIGNATURE_PREFIX}${name} ${toBase64(bytes)}\n`;
}

/**
 * Signs a note text (which must end with a newline) with one or more Ed25519 keys; returns the
 * note: the text, a blank line, one signature line per signer. Ed25519 is deterministic: the same
 * key and text give the same note as Go's `note.Sign`.
 * @example const note = await signNote(formatCheckpoint(cp), signer);
 */
export async function signNote(text: string, signers: NoteSigner | NoteSigner[]): Promise<string> {
  if (!text.endsWith("\n"))
    throw new NoteError("MALFORMED_NOTE", "note text must end with a newline");
  checkText(text);
  let lines = "";
  for (const signer of Array.isArray(signers) ? signers : [signers]) {
    if (!isValidKeyName(signer.name)) throw new NoteError("BAD_KEY", "invalid signer name");
    const hash = signer.keyId ?? keyHash(signer.name, SIGNATURE_TYPE.ed25519, signer.publicKey);
    lines += signatureLine(signer.name, hash, await ed25519Sign(signer.privateKey, utf8(text)));
  }
  return `${text}\n${lines}`;
}

/**
 * Splits a note into its text and signature lines without verifying anything; throws
 * {@link NoteError} `MALFORMED_NOTE` when it is not a signed note.
 */
export function splitNote(note: string): { text: string; signatures: NoteSignature[] } {
  checkText(note);
  const split = note.lastIndexOf("\n\n");
  if (split < 0) throw new NoteError("MALFORMED_NOTE", "note has no signature block");
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === "" || !block.endsWith("\n")) {
    throw new NoteError("MALFORMED_NOTE", "note signature block must end with a newline");
  }
  const lines = block.slice(0, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) throw new NoteError("MALFORMED_NOTE", "too many signatures");
  const signatures = lines.map((line) => {
    const match = /^— (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    const bytes = match ? fromBase64(match[2] as string) : null;
    if (!match || !bytes || bytes.length < 5 || !isValidKeyName(match[1] as string)) {
      throw new NoteError("MALFORMED_NOTE", `malformed signature line ${JSON.stringify(line)}`);
    }
    const keyHashValue = new DataView(bytes.buffer).getUint32(0);
    return { name: match[1] as string, keyHash: keyHashValue, signature: match[2] as string };
  });
  return { text, signatures };
}

/** The cosigned message of tlog-cosignature v1 for a checkpoint body at a time. */
export function cosignatureMessage(checkpointBody: string, timestamp: number): Uint8Array {
  return utf8(`cosignature/v1\ntime ${timestamp}\n${checkpointBody}`);
}

async function verifySignature(text: string, sig: NoteSignature, key: VerifierKey) {
  const bytes = fromBase64(sig.signature) as Uint8Array;
  if (key.type === SIGNATURE_TYPE.ed25519) {
    return (await ed25519Verify(key.publicKey, utf8(text), bytes.subarray(4))) ? {} : null;
  }
  if (bytes.length !== 4 + 8 + 64) return null;
  const timestamp = Number(new DataView(bytes.buffer).getBigUint64(4));
  const message = cosignatureMessage(text, timestamp);
  return (await ed25519Verify(key.publicKey, message, bytes.subarray(12))) ? { timestamp } : null;
}

/**
 * Opens a signed note with the verifier keys the caller trusts (note keys, and witnesses'
 * cosignature keys). Signatures by other keys are returned as `unverified`. Throws
 * {@link NoteError}: `MALFORMED_NOTE`, `BAD_SIGNATURE` (a known key's signature fails, as Go's
 * `note.Open` does) or `NO_VERIFIED_SIGNATURE` (no known key signed it).
 * @example const { text } = await openNote(checkpointNote, [siteVkey]);
 */
export async function openNote(
  note: string,
  verifiers: readonly (string | VerifierKey)[],
): Promise<OpenedNote> {
  const keys = verifiers.map((k) => (typeof k === "string" ? parseVerifierKey(k) : k));
  const { text, signatures } = splitNote(note);
  const opened: OpenedNote = { text, verified: [], unverified: [] };
  const seen = new Set<string>();
  for (const sig of signatures) {
    const id = `${sig.name}+${sig.keyHash}`;
    const key = keys.find((k) => k.name === sig.name && k.keyHash === sig.keyHash);
    if (!key) {
      if (!opened.unverified.some((u) => u.name === sig.name && u.signature === sig.signature)) {
        opened.unverified.push(sig);
      }
      continue;
    }
    if (seen.has(id)) continue;
    seen.add(id);
    const result = await verifySignature(text, sig, key);
    if (!result) {
      const hash = sig.keyHash.toString(16).padStart(8, "0");
      throw new NoteError("BAD_SIGNATURE", `invalid signature for key ${sig.name}+${hash}`);
    }
    opened.verified.push({ ...sig, ...result });
  }
  if (opened.verified.length === 0) {
    throw new NoteError("NO_VERIFIED_SIGNATURE", "note has no verifiable signatures");
  }
  return opened;
}

/**
 * Adds signature lines (e.g. witnesses' cosignatures) to a signed note, dropping exact
 * duplicates.
 * @example const withCosigs = appendSignatures(note, [await cosignCheckpoint(body, w, now)]);
 */
export function appendSignatures(note: string, lines: readonly string[]): string {
  splitNote(note);
  let out = note;
  for (const line of lines) {
    const normalised = line.endsWith("\n") ? line : `${line}\n`;
    if (!/^— \S+ [A-Za-z0-9+/=]+\n$/u.test(normalised)) {
      throw new NoteError("MALFORMED_NOTE", "malformed signature line");
    }
    if (!out.includes(`\n${normalised}`)) out += normalised;
  }
  return out;
}
