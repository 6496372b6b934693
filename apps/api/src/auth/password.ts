/**
 * Password hashing with PBKDF2-SHA-256 through WebCrypto, so the same code runs on Node and on
 * Workers. The stored form names its parameters: `pbkdf2-sha256$ITERATIONS$SALT$HASH` (base64url).
 */

/** Iterations for new hashes (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
export const DEFAULT_ITERATIONS = 600_000;

const toB64 = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

const fromB64 = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(password),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/**
 * Hashes a password with a fresh random salt.
 * @example const stored = await hashPassword("correct horse battery staple");
 */
export async function hashPassword(
  password: string,
  iterations = DEFAULT_ITERATIONS,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return `pbkdf2-sha256$${iterations}$${toB64(salt)}$${toB64(hash)}`;
}

/** Checks a password against a stored hash in constant time. Malformed hashes never match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, expected] = stored.split("$");
  const iterations = Number(iter);
  if (scheme !== "pbkdf2-sha256" || !salt || !expected || !Number.isInteger(iterations))
    return false;
  if (iterations < 1 || iterations > 10_000_000) return false;
  const actual = await derive(password, fromB64(salt), iterations);
  const want = fromB64(expected);
  if (actual.length !== want.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= (actual[i] ?? 0) ^ (want[i] ?? 0);
  return diff === 0;
}

/** A random token (256 bits, base64url), for session cookies and API tokens. */
export function randomToken(): string {
  return toB64(crypto.getRandomValues(new Uint8Array(32)));
}
