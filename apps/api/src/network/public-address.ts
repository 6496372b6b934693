import { type Cidr, type IpBytes, inCidr, parseCidr } from "./ip-address";

/**
 * Every range of addresses a request made on a site owner's behalf must not reach, with what it
 * is: the server itself, its network and its cloud's metadata service, never the internet.
 * IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is its IPv4 address (`parseIp`), and NAT64 and 6to4
 * addresses are judged by the IPv4 address they carry. Documentation ranges (`192.0.2.0/24`,
 * `2001:db8::/32`) are left out: they route nowhere.
 */
export const NON_PUBLIC_RANGES: ReadonlyArray<{ range: Cidr; kind: string }> = [
  ["0.0.0.0/8", "unspecified ('this network')"],
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "carrier-grade NAT (shared)"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local (cloud metadata)"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "IETF protocol assignment (cloud metadata)"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "benchmarking"],
  ["224.0.0.0/4", "multicast"],
  ["240.0.0.0/4", "reserved or broadcast"],
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["::/96", "IPv4-compatible (deprecated)"],
  ["64:ff9b:1::/48", "local-use NAT64"],
  ["100::/64", "discard-only"],
  ["fc00::/7", "unique-local"],
  ["fe80::/10", "link-local"],
  ["fec0::/10", "site-local (deprecated)"],
  ["ff00::/8", "multicast"],
].map(([range, kind]) => ({ range: parseCidr(range as string), kind: kind as string }));

const NAT64 = parseCidr("64:ff9b::/96");
const SIX_TO_FOUR = parseCidr("2002::/16");

/**
 * What kind of non-public address `ip` is (`"loopback"`, `"private"`, ...), or `null` for an
 * address on the internet.
 * @example nonPublicKind(parseIp("169.254.169.254")!) // "link-local (cloud metadata)"
 */
export function nonPublicKind(ip: IpBytes): string | null {
  const embedded = inCidr(ip, NAT64)
    ? ip.slice(12)
    : inCidr(ip, SIX_TO_FOUR)
      ? ip.slice(2, 6)
      : null;
  if (embedded) {
    const kind = nonPublicKind(embedded);
    return kind && `${kind}, inside an IPv6 address`;
  }
  return NON_PUBLIC_RANGES.find(({ range }) => inCidr(ip, range))?.kind ?? null;
}
