/**
 * Identifiers made on the client: receipt ids (UUIDv7, so a retry is idempotent and ids sort by
 * time) and pseudonymous subject ids (random, first-party, 128 bits).
 */

interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

const random = (): RandomSource => (globalThis as unknown as { crypto: RandomSource }).crypto;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Matches a UUID of version 7 in its canonical lower-case form. */
export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Matches a subject id: 22 base64url characters (128 random bits). */
export const SUBJECT_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * Makes a UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * @example uuidv7() // "01934f5e-8c2a-7b3d-9f00-1a2b3c4d5e6f"
 */
export function uuidv7(now: number = Date.now()): string {
  const bytes = random().getRandomValues(new Uint8Array(16));
  let ms = Math.max(0, Math.floor(now));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(bytes, (b) => HEX[b]).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Reads the millisecond timestamp back out of a UUIDv7. */
export function uuidv7Time(id: string): number {
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/**
 * Makes a pseudonymous subject id: 128 random bits as 22 base64url characters.
 * It identifies a browser, not a person, and is only ever set as a first-party cookie.
 */
export function newSubjectId(): string {
  const bytes = random().getRandomValues(new Uint8Array(16));
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  let out = "";
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += alphabet[(acc >> bits) & 63];
    }
  }
  if (bits > 0) out += alphabet[(acc << (6 - bits)) & 63];
  return out;
}
