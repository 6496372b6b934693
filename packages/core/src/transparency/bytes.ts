// Byte helpers for the transparency log: WebCrypto, base64 and text through `globalThis`, so the
// module runs unchanged in browsers, Node and Workers (core imports no runtime).

interface Web {
  atob(data: string): string;
  btoa(data: string): string;
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (
    label?: string,
    options?: { fatal?: boolean },
  ) => { decode(bytes: Uint8Array): string };
  crypto: { subtle: unknown };
}

/** The runtime's web platform objects (WebCrypto, base64, text codecs). */
export const web = (): Web => globalThis as unknown as Web;

/** The bytes of `parts`, one after another. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Whether two byte arrays hold the same bytes. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new (web().TextEncoder)().encode(text);
}

/** The string of UTF-8 bytes, or `null` when they are not valid UTF-8. */
export function fromUtf8(bytes: Uint8Array): string | null {
  try {
    return new (web().TextDecoder)("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Standard base64 (RFC 4648 §4, padded). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return web().btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes canonical padded standard base64; `null` for anything else. */
export function fromBase64(text: string): Uint8Array | null {
  if (!BASE64.test(text)) return null;
  const bytes = Uint8Array.from(web().atob(text), (ch) => ch.charCodeAt(0));
  // Refuse non-canonical encodings (stray bits in the last character).
  return toBase64(bytes) === text ? bytes : null;
}

/** Lower-case hex. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Decodes even-length hex (either case); `null` for anything else. */
export function fromHex(text: string): Uint8Array | null {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) return null;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}
