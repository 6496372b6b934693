/**
 * Truncates an IP address so it no longer points at one household: IPv4 to its /24, IPv6 to its
 * /48. IPv4-mapped IPv6 addresses are treated as IPv4. Anything unparsable gives `null`.
 * @example truncateIp("203.0.113.77") // "203.0.113.0"
 */
export function truncateIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const address = mapped?.[1] ?? ip;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (v4) {
    const octets = v4.slice(1, 4).map(Number);
    if (octets.some((o) => o > 255) || Number(v4[4]) > 255) return null;
    return `${octets.join(".")}.0`;
  }
  if (!address.includes(":") || !/^[0-9a-f:]+$/i.test(address)) return null;
  const [head = "", tail] = address.split("::");
  if (address.split("::").length > 2) return null;
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const groups = [...left, ...Array(missing).fill("0"), ...right];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return `${groups
    .slice(0, 3)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::`;
}
