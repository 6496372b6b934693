/** An IP address as bytes: 4 for IPv4 (IPv4-mapped IPv6 included), 16 for IPv6. */
export type IpBytes = Uint8Array;

function parseV4(text: string): IpBytes | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i] as string;
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    bytes[i] = Number(p);
  }
  return bytes;
}

function parseV6(text: string): IpBytes | null {
  if (!/^[0-9a-f:.]+$/i.test(text) || text.split("::").length > 2) return null;
  let tail = text;
  let v4: IpBytes | null = null;
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    v4 = parseV4(text.slice(lastColon + 1));
    if (!v4) return null;
    tail = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head = "", rest] = tail.split("::");
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (rest === undefined && missing !== 0) || (rest !== undefined && missing < 1))
    return null;
  const groups = [...left, ...Array<string>(missing).fill("0"), ...right];
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    const g = groups[i] as string;
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    const n = Number.parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  }
  if (v4) bytes.set(v4, 12);
  return bytes;
}

const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/**
 * Parses an IPv4 or IPv6 address (brackets and an IPv6 zone are dropped). An IPv4-mapped IPv6
 * address (`::ffff:203.0.113.7`, as a dual-stack listener reports IPv4 peers) is its IPv4
 * address. `null` when the text is not an address.
 * @example parseIp("::ffff:203.0.113.7") // Uint8Array [203, 0, 113, 7]
 */
export function parseIp(text: string | null | undefined): IpBytes | null {
  if (!text) return null;
  const bare = text
    .trim()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/%.*$/, "");
  if (!bare.includes(":")) return parseV4(bare);
  const v6 = parseV6(bare);
  if (v6 && MAPPED_PREFIX.every((b, i) => v6[i] === b)) return v6.slice(12);
  return v6;
}

/** The canonical text of an address: dotted IPv4, or lower-case IPv6 with `::` compression. */
export function formatIp(bytes: IpBytes): string {
  if (bytes.length === 4) return bytes.join(".");
  const groups = Array.from({ length: 8 }, (_, i) =>
    (((bytes[i * 2] as number) << 8) | (bytes[i * 2 + 1] as number)).toString(16),
  );
  // The longest run of two or more zero groups becomes "::".
  let best = { at: -1, len: 1 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === "0") j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j === i ? i + 1 : j;
  }
  if (best.at < 0) return groups.join(":");
  return `${groups.slice(0, best.at).join(":")}::${groups.slice(best.at + best.len).join(":")}`;
}

/**
 * The canonical form of an address as text, IPv4-mapped IPv6 as IPv4; `null` when unparsable.
 * @example normalizeIp("::FFFF:198.51.100.9") // "198.51.100.9"
 */
export function normalizeIp(text: string | null | undefined): string | null {
  const bytes = parseIp(text);
  return bytes ? formatIp(bytes) : null;
}

/** An address range: `203.0.113.0/24`, `2001:db8::/32`, or one address (`::1`). */
export interface Cidr {
  bytes: IpBytes;
  prefix: number;
}

/** Parses a range; throws with a readable message when it is not one. */
export function parseCidr(text: string): Cidr {
  const [address = "", bits] = text.trim().split("/");
  const bytes = parseIp(address);
  if (!bytes) throw new Error(`"${text}" is not an IP address or range`);
  const max = bytes.length * 8;
  const prefix = bits === undefined ? max : Number(bits);
  if (!/^\d+$/.test(bits ?? String(max)) || prefix > max) {
    throw new Error(`"${text}" has a prefix length outside 0-${max}`);
  }
  return { bytes, prefix };
}

/** Whether an address lies in a range (IPv4 never matches an IPv6 range, and the reverse). */
export function inCidr(ip: IpBytes, range: Cidr): boolean {
  if (ip.length !== range.bytes.length) return false;
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((ip[i] as number) & mask) !== ((range.bytes[i] as number) & mask)) return false;
  }
  return true;
}
