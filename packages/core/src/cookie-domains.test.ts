import { describe, expect, it } from "vitest";
import { cookieDomains, cookiePaths, expiringCookies, isPublicSuffix } from "./cookie-domains";
import { nameMatches } from "./name-patterns";

describe("cookie domains", () => {
  it("walks up to the registrable domain of a .com site", () => {
    expect(cookieDomains("www.example.com", isPublicSuffix)).toEqual([
      "www.example.com",
      "example.com",
    ]);
    expect(cookieDomains("example.com", isPublicSuffix)).toEqual(["example.com"]);
    expect(cookieDomains("a.b.example.org.", isPublicSuffix)).toEqual([
      "a.b.example.org",
      "b.example.org",
      "example.org",
    ]);
  });

  it("never goes past a .co.uk-style public suffix", () => {
    expect(cookieDomains("www.guild.co.uk", isPublicSuffix)).toEqual([
      "www.guild.co.uk",
      "guild.co.uk",
    ]);
    expect(cookieDomains("members.union.org.uk", isPublicSuffix)).toEqual([
      "members.union.org.uk",
      "union.org.uk",
    ]);
    expect(cookieDomains("shop.example.com.au", isPublicSuffix)).toEqual([
      "shop.example.com.au",
      "example.com.au",
    ]);
    expect(cookieDomains("www.trust.nhs.uk", isPublicSuffix)).toEqual([
      "www.trust.nhs.uk",
      "trust.nhs.uk",
    ]);
    expect(cookieDomains("me.github.io", isPublicSuffix)).toEqual(["me.github.io"]);
    for (const suffix of [
      "co.uk",
      "org.uk",
      "ac.uk",
      "com.au",
      "co.nz",
      "co.jp",
      "github.io",
      "uk",
    ])
      expect(isPublicSuffix(suffix), suffix).toBe(true);
    for (const domain of ["guild.co.uk", "example.com", "bbc.co", "co.com", "go.uk"])
      expect(isPublicSuffix(domain), domain).toBe(false);
  });

  it("stops where the given rule says (a browser knows the whole list)", () => {
    const browser = (d: string) =>
      ["uk", "co.uk", "com", "pvt.k12.ma.us", "k12.ma.us", "ma.us", "us"].includes(d);
    expect(cookieDomains("www.school.pvt.k12.ma.us", browser)).toEqual([
      "www.school.pvt.k12.ma.us",
      "school.pvt.k12.ma.us",
    ]);
  });

  it("gives an IP address or a single-label host only itself", () => {
    expect(cookieDomains("127.0.0.1", isPublicSuffix)).toEqual(["127.0.0.1"]);
    expect(cookieDomains("localhost", isPublicSuffix)).toEqual(["localhost"]);
    expect(cookieDomains("[::1]", isPublicSuffix)).toEqual(["[::1]"]);
  });
});

describe("cookie paths", () => {
  it("covers / and every directory above the page", () => {
    expect(cookiePaths("/")).toEqual(["/"]);
    expect(cookiePaths("/demo/")).toEqual(["/", "/demo"]);
    expect(cookiePaths("/news/2024/item.html")).toEqual(["/", "/news", "/news/2024"]);
  });
});

describe("expiringCookies", () => {
  it("expires the cookie host-only and on every domain, on every path", () => {
    const lines = expiringCookies(
      "_ga",
      { hostname: "www.guild.co.uk", pathname: "/demo/" },
      isPublicSuffix,
    );
    expect(lines).toHaveLength(2 * 3);
    for (const line of lines) expect(line).toMatch(/^_ga=; Max-Age=0; Path=\//);
    expect(lines).toContain("_ga=; Max-Age=0; Path=/");
    expect(lines.some((l) => l.endsWith("Path=/demo; Domain=guild.co.uk"))).toBe(true);
    expect(lines.some((l) => l.endsWith("Path=/; Domain=www.guild.co.uk"))).toBe(true);
    expect(lines.some((l) => l.includes("Domain=co.uk"))).toBe(false);
  });

  it("expires a prefixed cookie as its prefix lets it be set", () => {
    const page = { hostname: "www.guild.co.uk", pathname: "/demo/" };
    // A browser refuses `__Host-` unless Secure, host-only and on `/`.
    expect(expiringCookies("__Host-session", page, isPublicSuffix)).toEqual([
      "__Host-session=; Max-Age=0; Path=/; Secure",
    ]);
    const secure = expiringCookies("__Secure-id", page, isPublicSuffix);
    expect(secure).toHaveLength(2 * 3);
    for (const line of secure) expect(line).toMatch(/^__Secure-id=; Max-Age=0; Path=\/.*; Secure$/);
  });

  it("matches names and prefix patterns", () => {
    expect(nameMatches("_ga", "_ga")).toBe(true);
    expect(nameMatches("_ga_ABC123", "_ga_*")).toBe(true);
    expect(nameMatches("_ga", "_ga_*")).toBe(false);
    expect(nameMatches("_gat_UA-1", "_gat*")).toBe(true);
    expect(nameMatches("_gax", "_ga")).toBe(false);
  });
});
