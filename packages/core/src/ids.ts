/**
 * Identifiers made on the client: receipt ids (UUIDv7, so a retry is idempotent and ids sort by
 * time) and pseudonymous subject ids (random, first-party, 128 bits).
 */

interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

const random = (): RandomSource => (globalThis as unknown as { crypto: RandomSource }).crypto;

/** Matches a UUID of version 7 in its canonical lower-case form. */
export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Matches a subject id: 22 base64url characters (128 random bits). */
export const SUBJECT_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * Makes a UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * @example uuidv7() // "01934f5e-8c2a-7b3d-9f00-1a2b3c4d5e6f"
 */
export function uuidv7(now: number = Date.now()): string {
  const bytes = random().getRandomValues(new Uint8Array(10));
  const hex = Array.from(bytes, (b) => (b | 256).toString(16).slice(1)).join("");
  const t = Math.floor(now).toString(16).padStart(12, "0");
  const variant = ((bytes[2] as number) & 0x3f) | 0x80;
  return `${t.slice(0, 8)}-${t.slice(8)}-7${hex.slice(1, 4)}-${variant.toString(16)}${hex.slice(6, 8)}-${hex.slice(8)}`;
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
  const { btoa } = globalThis as unknown as { btoa(data: string): string };
  return btoa(String.fromCharCode(...bytes))
    .slice(0, 22)
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
}
