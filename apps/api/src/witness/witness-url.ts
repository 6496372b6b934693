import { nonPublicKind, parseIp } from "../network";

/**
 * Where the server may send a site's checkpoints. A witness URL is chosen by a site owner, and
 * the server POSTs to it every second and shows what came back: left open, any owner on a
 * shared host could make the server call its own admin endpoints, its network or its cloud's
 * metadata service (SSRF). So a witness is `https:` on a host name or public address, unless
 * the operator allows private networks (`WITNESS_PRIVATE_NETWORKS=allow`: tests, a private
 * deployment), which also allows `http:`.
 */
export interface WitnessNetworkPolicy {
  /** Private, loopback and link-local addresses and `http:` allowed (refused when absent). */
  privateNetworks?: boolean;
}

/**
 * Reads `WITNESS_PRIVATE_NETWORKS`: `allow`, or unset or `refuse` (the default). Throws a
 * readable error on anything else.
 * @example parseWitnessPrivateNetworks("allow") // true
 */
export function parseWitnessPrivateNetworks(text: string | undefined): boolean {
  const value = text?.trim().toLowerCase() ?? "";
  if (value === "allow") return true;
  if (value === "" || value === "refuse") return false;
  throw new Error(`WITNESS_PRIVATE_NETWORKS is "allow" or "refuse", not "${text}"`);
}

const isLocalhostName = (host: string) => /(^|\.)localhost\.?$/i.test(host);

/**
 * The submission prefix a witness URL stands for (canonical, without trailing slashes), or why
 * it is refused: not `https:` (nor `http:` where private networks are allowed), credentials, a
 * query or fragment (it is a prefix), or a host that is `localhost` or an address off the
 * internet (IPv4 in any spelling the URL parser accepts, IPv4-mapped IPv6 included). A host
 * name is checked again once resolved, at each request (Node: `runtime/node/witness-fetch.ts`).
 * @example witnessUrl("http://2130706433/", {}) // { ok: false, reason: "...127.0.0.1 is not a public address (loopback)" }
 */
export function witnessUrl(
  text: string,
  policy: WitnessNetworkPolicy,
): { ok: true; prefix: string } | { ok: false; reason: string } {
  const refuse = (reason: string) => ({ ok: false as const, reason });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse("The witness URL is not a URL");
  }
  const allowed = policy.privateNetworks ? ["https:", "http:"] : ["https:"];
  if (!allowed.includes(url.protocol)) {
    return refuse(
      url.protocol === "http:"
        ? "A witness URL must use https (http only where the operator allows private networks)"
        : "A witness URL must use https",
    );
  }
  if (url.username || url.password) {
    return refuse("A witness URL cannot carry a user name or password");
  }
  if (url.href.includes("?") || url.href.includes("#")) {
    return refuse("A witness URL is a prefix: no query (?) or fragment (#)");
  }
  if (!policy.privateNetworks) {
    if (isLocalhostName(url.hostname)) {
      return refuse(`The witness host ${url.hostname} is this server itself`);
    }
    const ip = parseIp(url.hostname);
    const kind = ip && nonPublicKind(ip);
    if (kind) {
      return refuse(
        `The witness host ${url.hostname} is not a public address (${kind}); witnesses are reached over the internet`,
      );
    }
  }
  return { ok: true, prefix: url.href.replace(/\/+$/, "") };
}

/**
 * A request to a witness stopped before it was sent: the witness's host resolved to an address
 * off the internet. Stored on the witness's row as its `lastError`.
 */
export class WitnessAddressNotAllowed extends Error {
  readonly code = "WITNESS_ADDRESS_NOT_ALLOWED";
  constructor(host: string, address: string, kind: string) {
    super(`The witness host ${host} resolves to ${address}, not a public address (${kind})`);
    this.name = "WitnessAddressNotAllowed";
  }
}
