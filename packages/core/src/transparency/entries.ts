import { fromUtf8, utf8 } from "./bytes";

/** What a log entry says: a receipt's signed digest, or a published config's hash. */
export type LogEntry = { kind: "receipt"; digest: string } | { kind: "config"; configHash: string };

const HEX64 = /^[0-9a-f]{64}$/;
const ENTRY = /^(receipt|config) ([0-9a-f]{64})\n$/;

function checked(value: string, what: string): string {
  if (typeof value !== "string" || !HEX64.test(value)) {
    throw new TypeError(`${what} must be 64 lower-case hex characters`);
  }
  return value;
}

/**
 * The log entry of a stored receipt: the text line `receipt <digest>\n`, where `digest` is the
 * receipt's `proof.digest` (SHA-256 hex of its signed fields). No personal data.
 * @example const entry = receiptEntry(receipt.proof.digest);
 */
export function receiptEntry(digestHex: string): Uint8Array {
  return utf8(`receipt ${checked(digestHex, "receipt digest")}\n`);
}

/**
 * The log entry of a published config version: the text line `config <configHash>\n`.
 * @example const entry = configEntry(published.configHash);
 */
export function configEntry(configHash: string): Uint8Array {
  return utf8(`config ${checked(configHash, "config hash")}\n`);
}

/**
 * Reads a log entry; `null` when the bytes are not exactly one of the two entry lines.
 * @example parseEntry(receiptEntry(d)); // { kind: "receipt", digest: d }
 */
export function parseEntry(bytes: Uint8Array): LogEntry | null {
  const text = fromUtf8(bytes);
  const match = text === null ? null : ENTRY.exec(text);
  if (!match) return null;
  const value = match[2] as string;
  return match[1] === "receipt"
    ? { kind: "receipt", digest: value }
    : { kind: "config", configHash: value };
}
