import type { Context } from "hono";
import { ApiError } from "../errors";

/**
 * The origin this server is reached on by browsers: every absolute URL it emits (the loader's
 * API and chunk URLs, links) and every origin check (CSRF, receipts) use it, never the request's
 * Host header, which anyone can set.
 */
export interface PublicOrigin {
  /**
   * The public origin for a request, e.g. `https://consent.example.org`. Throws a 421
   * `MISDIRECTED_REQUEST` when the request names a host this server does not answer on.
   */
  of(c: Context): string;
  /** Whether the public origin is https (cookies are `Secure`, HSTS is sent). */
  https: boolean;
}

/**
 * Reads `PUBLIC_URL`: an http(s) origin, a trailing slash allowed, nothing else (no path, no
 * query, no credentials). Throws a readable error otherwise.
 * @example parsePublicUrl("https://consent.example.org/") // "https://consent.example.org"
 */
export function parsePublicUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error(
      `PUBLIC_URL must be an origin such as https://consent.example.org, not "${text}"`,
    );
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new Error(`PUBLIC_URL must be an http(s) origin without credentials or query: "${text}"`);
  }
  if (url.pathname !== "/") {
    throw new Error(`PUBLIC_URL must be an origin without a path (got "${url.pathname}")`);
  }
  return url.origin;
}

/**
 * One configured public origin (`PUBLIC_URL`, or the Worker's): the Host header is ignored.
 * @example fixedOrigin("https://consent.example.org").of(c) // "https://consent.example.org"
 */
export function fixedOrigin(url: string): PublicOrigin {
  const origin = parsePublicUrl(url);
  return { of: () => origin, https: origin.startsWith("https:") };
}

/** The loopback host names a server without `PUBLIC_URL` answers on, for its port. */
export function loopbackHosts(port: number): string[] {
  const names = ["localhost", "127.0.0.1", "[::1]"];
  return [...names.map((n) => `${n}:${port}`), ...(port === 80 ? names : [])];
}

/**
 * Without `PUBLIC_URL`: the server answers only on loopback host names with its own port
 * (`http://localhost:8787`, `http://127.0.0.1:8787`, `http://[::1]:8787`), the only origins it
 * can derive safely from a Host header; any other Host gets a 421 that says what to set. `port`
 * may be a function when the port is known only once the server listens.
 */
export function loopbackOrigin(port: number | (() => number)): PublicOrigin {
  const portOf = typeof port === "number" ? () => port : port;
  let hosts = new Set<string>();
  let hostsPort = -1;
  return {
    https: false,
    of(c) {
      // The port may be known only once listening (port 0 picks a free one).
      if (hostsPort !== portOf()) {
        hostsPort = portOf();
        hosts = new Set(loopbackHosts(hostsPort));
      }
      const host = c.req.header("Host")?.toLowerCase() ?? "";
      if (hosts.has(host)) return `http://${host}`;
      throw new ApiError(
        "MISDIRECTED_REQUEST",
        `This server answers on localhost only; set PUBLIC_URL to serve "${host.slice(0, 100)}"`,
      );
    },
  };
}
