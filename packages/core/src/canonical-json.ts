/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped. The same value
 * always serialises to the same bytes, so hashes and signatures over it are reproducible.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value))
      throw new TypeError("non-finite number");
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) {
    let items = "";
    for (let i = 0; i < value.length; i++) items += `${i > 0 ? "," : ""}${canonicalJson(value[i])}`;
    return `[${items}]`;
  }
  const record = value as Record<string, unknown>;
  let members = "";
  // The default sort compares UTF-16 code units, as the canonical order requires.
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    members += `${members ? "," : ""}${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `{${members}}`;
}

interface WebGlobals {
  crypto: { subtle: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> } };
  TextEncoder: new () => { encode(text: string): Uint8Array };
}

/** SHA-256 of a string (UTF-8), as lower-case hex. Uses WebCrypto: browsers, Node and Workers. */
export async function sha256Hex(text: string): Promise<string> {
  const web = globalThis as unknown as WebGlobals;
  const digest = await web.crypto.subtle.digest("SHA-256", new web.TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
