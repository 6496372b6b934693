import { fullSubdivision } from "@assent/core";
import { type Cidr, formatIp, type IpBytes, inCidr, parseCidr, parseIp } from "./ip-address";

/**
 * Which peers may speak for the client: nobody (the socket's address is the client), the last
 * `hops` proxies, or peers in a list of ranges.
 */
export type TrustProxy =
  | { kind: "none" }
  | ({ kind: "hops"; hops: number } & ForwardedBy)
  | ({ kind: "ranges"; ranges: Cidr[] } & ForwardedBy);

/**
 * The one header the trusted proxy writes the forwarding chain in: `X-Forwarded-For` (Caddy,
 * nginx, load balancers; the default) or RFC 7239 `Forwarded`. Only that one is read: a proxy
 * writing one passes the other through as the visitor sent it, so reading both would let a
 * visitor choose their own address.
 */
export type ForwardedHeader = "x-forwarded-for" | "forwarded";

interface ForwardedBy {
  /** Absent: `x-forwarded-for`. */
  header?: ForwardedHeader;
}

/** Who the client is, as far as the runtime can tell. */
export interface ClientInfo {
  /** The client's address (canonical text, IPv4-mapped IPv6 as IPv4), or `null`. */
  ip: string | null;
  /** ISO 3166-1 alpha-2 country from a trusted CDN or proxy header, or `null`. */
  country: string | null;
  /**
   * ISO 3166-2 subdivision (`US-CA`) from the same trusted CDN or proxy as the country; absent
   * when it gave none (or no proxy is trusted).
   */
  subdivision?: string;
}

const NAMED_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/**
 * Reads `TRUST_PROXY`: unset, `off`, `false` or `0` trusts nobody; a number trusts that many
 * proxy hops in front of this server; otherwise a comma list of addresses, ranges and the names
 * `loopback` and `private`. Throws a readable error on anything else.
 * `header` reads `TRUST_PROXY_HEADER`: unset or `x-forwarded-for`, or `forwarded` (RFC 7239).
 * @example parseTrustProxy("loopback, 10.1.0.0/16") // { kind: "ranges", ranges: [...] }
 */
export function parseTrustProxy(text: string | undefined, header?: string): TrustProxy {
  const spec = text?.trim().toLowerCase() ?? "";
  const by = forwardedBy(header);
  if (spec === "" || spec === "off" || spec === "false" || spec === "0") return { kind: "none" };
  if (/^\d+$/.test(spec)) return { kind: "hops", hops: Number(spec), ...by };
  const ranges = spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((item) => (NAMED_RANGES[item] ?? [item]).map(parseCidr));
  return { kind: "ranges", ranges, ...by };
}

function forwardedBy(text: string | undefined): ForwardedBy {
  const header = text?.trim().toLowerCase() ?? "";
  if (header === "" || header === "x-forwarded-for") return {};
  if (header === "forwarded") return { header };
  throw new Error(
    `TRUST_PROXY_HEADER must be x-forwarded-for or forwarded (the header your proxy writes), not "${text}"`,
  );
}

/**
 * Headers in which CDNs and proxies give the visitor's country and its subdivision (ISO 3166-2,
 * without or with the country: `CA` or `US-CA`), in the order they are read. A subdivision is
 * taken only from the header beside the country that was used: Cloudflare (with its visitor
 * location headers on), CloudFront, Vercel, and a generic pair for a proxy of one's own.
 */
export const LOCATION_HEADERS = [
  { country: "cf-ipcountry", subdivision: "cf-region-code" },
  { country: "cloudfront-viewer-country", subdivision: "cloudfront-viewer-country-region" },
  { country: "x-vercel-ip-country", subdivision: "x-vercel-ip-country-region" },
  { country: "x-country-code", subdivision: "x-region-code" },
] as const;

/** Headers in which CDNs and proxies give the visitor's country, most specific first. */
export const COUNTRY_HEADERS = LOCATION_HEADERS.map((h) => h.country);

/** Every location header name, countries and subdivisions: what a per-region answer varies on. */
export const LOCATION_HEADER_NAMES: readonly string[] = LOCATION_HEADERS.flatMap((h) => [
  h.country,
  h.subdivision,
]);

/**
 * The visitor's country and subdivision from trusted location headers: the first header pair
 * with a country, its subdivision only when it is one of that country's.
 */
export function locationFrom(
  header: (name: string) => string | undefined,
): Pick<ClientInfo, "country" | "subdivision"> {
  for (const pair of LOCATION_HEADERS) {
    const country = countryCode(header(pair.country));
    if (!country) continue;
    const subdivision = fullSubdivision({ country, subdivision: header(pair.subdivision) });
    return subdivision ? { country, subdivision } : { country };
  }
  return { country: null };
}

/** A two-letter country code, or `null` for unknown, Tor (`T1`) and "no country" (`XX`). */
export function countryCode(value: string | null | undefined): string | null {
  const code = value?.trim().toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) && code !== "XX" && code !== "T1" ? code : null;
}

/** The address of one `X-Forwarded-For` or `Forwarded: for=` entry, port and quotes dropped. */
function forwardedAddress(entry: string): IpBytes | null {
  const value = entry.trim().replace(/^"|"$/g, "");
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return parseIp(bracketed[1]);
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(value);
  return parseIp(v4WithPort ? v4WithPort[1] : value);
}

/** The forwarding chain, client first, from the one header the trusted proxy writes. */
function forwardedChain(
  header: (name: string) => string | undefined,
  from: ForwardedHeader,
): string[] {
  if (from === "x-forwarded-for") return header("x-forwarded-for")?.split(",") ?? [];
  const forwarded = header("forwarded");
  if (!forwarded) return [];
  return forwarded.split(",").map((element) => {
    const pair = element.split(";").find((p) => p.trim().toLowerCase().startsWith("for="));
    return pair ? pair.trim().slice(4) : "";
  });
}

function trusted(trust: TrustProxy, ip: IpBytes): boolean {
  if (trust.kind === "none") return false;
  if (trust.kind === "hops") return trust.hops > 0;
  return trust.ranges.some((r) => inCidr(ip, r));
}

/**
 * The client behind a request: the socket's peer, unless that peer is a trusted proxy, in which
 * case the forwarding chain (in the one header it writes: `trust.header`) is walked from the nearest hop until the first address that is not
 * trusted (ranges) or `hops` entries back (hop count). Country and subdivision headers are
 * believed only from a trusted peer. An entry that is not an address ends the walk with an unknown client.
 */
export function resolveClient(
  socketAddress: string | null | undefined,
  header: (name: string) => string | undefined,
  trust: TrustProxy,
): ClientInfo {
  const socket = parseIp(socketAddress);
  if (!socket || !trusted(trust, socket)) {
    return { ip: socket ? formatIp(socket) : null, country: null };
  }
  const from = trust.kind === "none" ? "x-forwarded-for" : (trust.header ?? "x-forwarded-for");
  const chain = [...forwardedChain(header, from).map(forwardedAddress), socket];
  let i = chain.length - 1;
  if (trust.kind === "hops") i = Math.max(0, chain.length - 1 - trust.hops);
  else while (i > 0 && chain[i] && trusted(trust, chain[i] as IpBytes)) i--;
  const client = chain[i] ?? null;
  return { ip: client ? formatIp(client) : null, ...locationFrom(header) };
}
