import { parseIp } from "./ip-address";

/**
 * Truncates an IP address so it no longer points at one household: IPv4 to its /24, IPv6 to its
 * /48. IPv4-mapped IPv6 addresses are treated as IPv4. Anything unparsable gives `null`.
 * @example truncateIp("203.0.113.77") // "203.0.113.0"
 */
export function truncateIp(ip: string | null | undefined): string | null {
  const bytes = parseIp(ip);
  if (!bytes) return null;
  if (bytes.length === 4) return `${bytes.slice(0, 3).join(".")}.0`;
  const groups = [0, 2, 4].map((i) =>
    (((bytes[i] as number) << 8) | (bytes[i + 1] as number)).toString(16),
  );
  return `${groups.join(":")}::`;
}

/**
 * The key an address is rate limited by: an IPv4 address itself (IPv4-mapped IPv6 included, so
 * the IPv4 visitors of a dual-stack listener do not share one bucket), or the /64 of an IPv6
 * address, which one household or server usually holds whole. `null` when unparsable.
 * @example addressKey("::ffff:203.0.113.7") // "203.0.113.7"
 */
export function addressKey(ip: string): string | null {
  const bytes = parseIp(ip);
  if (!bytes) return null;
  if (bytes.length === 4) return bytes.join(".");
  const groups = [0, 2, 4, 6].map((i) =>
    (((bytes[i] as number) << 8) | (bytes[i + 1] as number)).toString(16),
  );
  return `${groups.join(":")}::/64`;
}
