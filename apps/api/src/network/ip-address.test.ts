import { describe, expect, it } from "vitest";
import { inCidr, normalizeIp, parseCidr, parseIp } from "./ip-address";

describe("normalizeIp", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::FFFF:c633:6409", "198.51.100.9"],
    ["[2001:DB8::1]", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["fe80::1%eth0", "fe80::1"],
    ["::1", "::1"],
    ["::", "::"],
  ])("%s -> %s", (text, expected) => {
    expect(normalizeIp(text)).toBe(expected);
  });

  it.each(["", "1.2.3", "256.1.1.1", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "x"])(
    "refuses %j",
    (text) => {
      expect(normalizeIp(text)).toBeNull();
    },
  );
});

describe("inCidr", () => {
  const ip = (t: string) => parseIp(t) as Uint8Array;
  it("matches addresses inside a range and not outside it", () => {
    expect(inCidr(ip("10.1.2.3"), parseCidr("10.0.0.0/8"))).toBe(true);
    expect(inCidr(ip("11.1.2.3"), parseCidr("10.0.0.0/8"))).toBe(false);
    expect(inCidr(ip("172.31.255.1"), parseCidr("172.16.0.0/12"))).toBe(true);
    expect(inCidr(ip("172.32.0.1"), parseCidr("172.16.0.0/12"))).toBe(false);
    expect(inCidr(ip("::ffff:127.0.0.1"), parseCidr("127.0.0.0/8"))).toBe(true);
    expect(inCidr(ip("2001:db8::5"), parseCidr("2001:db8::/32"))).toBe(true);
    expect(inCidr(ip("2001:db9::5"), parseCidr("2001:db8::/32"))).toBe(false);
    expect(inCidr(ip("10.0.0.1"), parseCidr("::/0"))).toBe(false);
  });

  it("refuses ranges that are not ranges", () => {
    expect(() => parseCidr("10.0.0.0/33")).toThrow(/prefix/);
    expect(() => parseCidr("example.org")).toThrow(/not an IP/);
  });
});
