import { describe, expect, it } from "vitest";
import { parseIp } from "./ip-address";
import { nonPublicKind } from "./public-address";

const kindOf = (text: string) => {
  const ip = parseIp(text);
  if (!ip) throw new Error(`${text} is not an address`);
  return nonPublicKind(ip);
};

describe("nonPublicKind", () => {
  it.each([
    ["0.0.0.0", "unspecified"],
    ["10.1.2.3", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["169.254.169.254", "link-local"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.0.0.192", "IETF"],
    ["192.168.1.1", "private"],
    ["198.18.0.1", "benchmarking"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:169.254.169.254", "link-local"],
    ["::127.0.0.1", "IPv4-compatible"],
    ["64:ff9b::7f00:1", "loopback, inside an IPv6 address"],
    ["64:ff9b:1::1", "NAT64"],
    ["2002:a00:1::1", "private, inside an IPv6 address"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["fe80::1", "link-local"],
    ["fec0::1", "site-local"],
    ["ff02::1", "multicast"],
  ])("%s is not public (%s)", (address, kind) => {
    expect(kindOf(address)).toContain(kind);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "100.63.255.255",
    "100.128.0.0",
    "172.15.255.255",
    "172.32.0.0",
    "192.0.1.255",
    "2606:4700:4700::1111",
    "64:ff9b::808:808",
    "2002:808:808::1",
    "::ffff:8.8.8.8",
  ])("%s is public", (address) => {
    expect(kindOf(address)).toBeNull();
  });
});
