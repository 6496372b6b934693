import { describe, expect, it } from "vitest";
import { parseTrustProxy, resolveClient, type TrustProxy } from "./trust-proxy";

const headers =
  (h: Record<string, string>) =>
  (name: string): string | undefined =>
    h[name.toLowerCase()];

describe("resolveClient", () => {
  const none = parseTrustProxy(undefined);
  const loopback = parseTrustProxy("loopback");

  it("trusts nobody by default: the socket is the client and no country is believed", () => {
    const client = resolveClient(
      "198.51.100.9",
      headers({ "x-forwarded-for": "203.0.113.1", "cf-ipcountry": "FR" }),
      none,
    );
    expect(client).toEqual({ ip: "198.51.100.9", country: null });
  });

  it("counts an IPv4-mapped IPv6 peer as its IPv4 address", () => {
    expect(resolveClient("::ffff:198.51.100.9", headers({}), none).ip).toBe("198.51.100.9");
  });

  it("ignores forwarded headers from a peer outside the trusted ranges", () => {
    const client = resolveClient(
      "198.51.100.9",
      headers({ "x-forwarded-for": "203.0.113.1", "cf-ipcountry": "FR" }),
      loopback,
    );
    expect(client).toEqual({ ip: "198.51.100.9", country: null });
  });

  it("walks X-Forwarded-For from the nearest hop past trusted proxies", () => {
    const trust = parseTrustProxy("loopback, 10.0.0.0/8");
    const client = resolveClient(
      "127.0.0.1",
      // A spoofed first entry is never reached: the first untrusted hop from the right wins.
      headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.50, 10.0.0.2", "cf-ipcountry": "gb" }),
      trust,
    );
    expect(client).toEqual({ ip: "203.0.113.50", country: "GB" });
  });

  it("takes the client a hop count back", () => {
    const trust: TrustProxy = { kind: "hops", hops: 2 };
    const h = headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.50, 10.0.0.2" });
    expect(resolveClient("10.0.0.3", h, trust).ip).toBe("203.0.113.50");
    expect(resolveClient("10.0.0.3", headers({}), trust).ip).toBe("10.0.0.3");
  });

  it("reads RFC 7239 Forwarded where the proxy writes it, and only then", () => {
    const h = headers({ forwarded: 'for=192.0.2.60;proto=https, for="[2001:db8:cafe::17]:4711"' });
    const byForwarded = parseTrustProxy("loopback", "forwarded");
    expect(resolveClient("::1", h, byForwarded).ip).toBe("2001:db8:cafe::17");
    // A proxy writing X-Forwarded-For passes a visitor's own Forwarded through: never read.
    expect(resolveClient("::1", h, loopback).ip).toBe("::1");
  });

  it("reads only the header the proxy writes: the visitor's own other one cannot choose the address", () => {
    // The proxy writes Forwarded and passes the visitor's X-Forwarded-For through.
    const spoofed = headers({
      forwarded: "for=198.51.100.7",
      "x-forwarded-for": "203.0.113.99",
    });
    const byForwarded = parseTrustProxy("1", "forwarded");
    expect(resolveClient("127.0.0.1", spoofed, byForwarded).ip).toBe("198.51.100.7");
    // And the other way round: Caddy writes X-Forwarded-For, the visitor sends Forwarded.
    const other = headers({ "x-forwarded-for": "198.51.100.7", forwarded: "for=203.0.113.99" });
    expect(resolveClient("127.0.0.1", other, parseTrustProxy("1")).ip).toBe("198.51.100.7");
  });

  it("ends with an unknown client on an entry that is not an address", () => {
    const h = headers({ "x-forwarded-for": "203.0.113.50, unknown" });
    expect(resolveClient("127.0.0.1", h, loopback).ip).toBeNull();
  });

  it("drops country codes that are not countries", () => {
    const h = headers({ "cf-ipcountry": "T1", "cloudfront-viewer-country": "de" });
    expect(resolveClient("127.0.0.1", h, loopback).country).toBe("DE");
    expect(resolveClient("127.0.0.1", headers({ "cf-ipcountry": "XX" }), loopback).country).toBe(
      null,
    );
  });
});

describe("subdivisions", () => {
  const loopback = parseTrustProxy("loopback");
  const none = parseTrustProxy(undefined);

  it.each([
    [{ "cf-ipcountry": "US", "cf-region-code": "CA" }, "US", "US-CA"],
    [
      { "cloudfront-viewer-country": "US", "cloudfront-viewer-country-region": "tx" },
      "US",
      "US-TX",
    ],
    [{ "x-vercel-ip-country": "GB", "x-vercel-ip-country-region": "SCT" }, "GB", "GB-SCT"],
    [{ "x-country-code": "US", "x-region-code": "US-NJ" }, "US", "US-NJ"],
  ])("reads %j from a trusted proxy", (h, country, subdivision) => {
    expect(resolveClient("127.0.0.1", headers(h), loopback)).toEqual({
      ip: "127.0.0.1",
      country,
      subdivision,
    });
  });

  it("never believes them when no proxy is trusted, nor from an untrusted peer", () => {
    const h = headers({ "cf-ipcountry": "US", "cf-region-code": "CA" });
    expect(resolveClient("127.0.0.1", h, none)).toEqual({ ip: "127.0.0.1", country: null });
    expect(resolveClient("198.51.100.9", h, loopback)).toEqual({
      ip: "198.51.100.9",
      country: null,
    });
  });

  it("takes a subdivision only beside its own country, and only one of that country's", () => {
    // The region header of another CDN than the one that gave the country is not read.
    const mixed = headers({ "cf-ipcountry": "US", "x-vercel-ip-country-region": "CA" });
    expect(resolveClient("127.0.0.1", mixed, loopback)).toEqual({ ip: "127.0.0.1", country: "US" });
    const foreign = headers({ "cf-ipcountry": "FR", "cf-region-code": "US-CA" });
    expect(resolveClient("127.0.0.1", foreign, loopback)).toEqual({
      ip: "127.0.0.1",
      country: "FR",
    });
    const noCountry = headers({ "cf-region-code": "CA" });
    expect(resolveClient("127.0.0.1", noCountry, loopback)).toEqual({
      ip: "127.0.0.1",
      country: null,
    });
  });
});

describe("parseTrustProxy", () => {
  it.each(["", "off", "false", "0"])("%j trusts nobody", (text) => {
    expect(parseTrustProxy(text)).toEqual({ kind: "none" });
  });

  it("reads hop counts and ranges, and refuses the rest", () => {
    expect(parseTrustProxy("2")).toEqual({ kind: "hops", hops: 2 });
    expect(parseTrustProxy("loopback,private")).toMatchObject({ kind: "ranges" });
    expect(() => parseTrustProxy("yes please")).toThrow(/not an IP/);
    expect(parseTrustProxy("2", "Forwarded")).toEqual({
      kind: "hops",
      hops: 2,
      header: "forwarded",
    });
    expect(parseTrustProxy("2", "x-forwarded-for")).toEqual({ kind: "hops", hops: 2 });
    expect(() => parseTrustProxy("2", "x-real-ip")).toThrow(/TRUST_PROXY_HEADER/);
  });
});
