import { promises as dns, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Readable } from "node:stream";
import { nonPublicKind, parseIp } from "../../network";
import { type SubmitOptions, WitnessAddressNotAllowed } from "../../witness";

/** Resolves a host name to its addresses, as `dns.lookup(host, { all: true })` does. */
export type ResolveHost = (host: string, family?: number) => Promise<LookupAddress[]>;

const systemResolver: ResolveHost = (host, family) =>
  dns.lookup(host, { all: true, ...(family ? { family } : {}) });

/**
 * The addresses of `host` once every one is public, or `WitnessAddressNotAllowed` naming the
 * first that is not: a name that points anywhere off the internet is refused whole.
 */
async function publicAddresses(resolve: ResolveHost, host: string, family?: number) {
  const addresses = await resolve(host, family);
  for (const { address } of addresses) {
    const ip = parseIp(address);
    const kind = ip ? nonPublicKind(ip) : "not an address";
    if (kind) throw new WitnessAddressNotAllowed(host, address, kind);
  }
  return addresses;
}

/** A `net` lookup that only ever hands out public addresses (both of its calling forms). */
function guardedLookup(resolve: ResolveHost): LookupFunction {
  return (host, options, callback) => {
    const family = typeof options.family === "number" ? options.family : undefined;
    publicAddresses(resolve, host, family).then(
      (addresses) => {
        const [first] = addresses;
        if (options.all) (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
        else if (!first) callback(new Error(`${host} has no address`), "", 0);
        else callback(null, first.address, first.family);
      },
      (err: Error) => callback(err as NodeJS.ErrnoException, "", 0),
    );
  };
}

/** Statuses whose answer has no body (a `Response` refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * The Node runtime's `fetch` for witness submissions (`SubmitOptions.fetch`): `node:http(s)`
 * with a `lookup` that resolves the witness's host and connects only to a public address
 * (`nonPublicKind`), each time a connection is made, so DNS rebinding finds nothing to rebind;
 * an address literal in the URL is checked the same way. The `Host` header and TLS server name
 * are the URL's host. Redirects are never followed (a 3xx is handed back as it came). With
 * `privateNetworks` (`WITNESS_PRIVATE_NETWORKS=allow`) any address is allowed. `resolve`
 * replaces the system resolver (tests).
 */
export function witnessFetch(
  options: { privateNetworks?: boolean; resolve?: ResolveHost } = {},
): NonNullable<SubmitOptions["fetch"]> {
  const lookup = options.privateNetworks
    ? undefined
    : guardedLookup(options.resolve ?? systemResolver);
  // Agents of their own: no socket of theirs was connected by anything but this lookup.
  const agents = {
    "http:": new http.Agent({ keepAlive: true, ...(lookup ? { lookup } : {}) }),
    "https:": new https.Agent({ keepAlive: true, ...(lookup ? { lookup } : {}) }),
  };
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(url);
      const agent = agents[target.protocol as keyof typeof agents];
      if (!agent) return reject(new Error(`${target.protocol} is not http or https`));
      const literal = parseIp(target.hostname);
      const kind = lookup && literal && nonPublicKind(literal);
      if (kind) return reject(new WitnessAddressNotAllowed(target.hostname, target.hostname, kind));
      if (init.body != null && typeof init.body !== "string") {
        return reject(new Error("A witness request's body is text"));
      }
      const body = init.body == null ? undefined : Buffer.from(init.body);
      const headers = Object.fromEntries(new Headers(init.headers));
      if (body) headers["content-length"] = String(body.byteLength);
      const request = (target.protocol === "https:" ? https : http).request(target, {
        agent,
        method: init.method ?? "GET",
        headers,
        ...(init.signal ? { signal: init.signal } : {}),
      });
      request.once("error", reject);
      request.once("response", (res) => {
        try {
          const answer = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const v of Array.isArray(value) ? value : [value ?? ""]) answer.append(name, v);
          }
          const status = res.statusCode ?? 0;
          const stream = NULL_BODY.has(status) ? null : (Readable.toWeb(res) as ReadableStream);
          if (!stream) res.resume();
          resolve(new Response(stream, { status, statusText: res.statusMessage, headers: answer }));
        } catch (err) {
          res.destroy();
          reject(err);
        }
      });
      request.end(body);
    });
}
