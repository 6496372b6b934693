import { describe, expect, it } from "vitest";
import { truncateIp } from "./truncate-ip";

describe("truncateIp", () => {
  it.each([
    ["203.0.113.77", "203.0.113.0"],
    ["127.0.0.1", "127.0.0.0"],
    ["::ffff:198.51.100.9", "198.51.100.0"],
    ["2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3::"],
    ["2001:db8::1", "2001:db8:0::"],
    ["::1", "0:0:0::"],
  ])("%s -> %s", (ip, expected) => {
    expect(truncateIp(ip)).toBe(expected);
  });

  it.each([null, "", "999.1.1.1", "not-an-ip", "1:2:3", "1::2::3", "<script>"])(
    "refuses %s",
    (ip) => {
      expect(truncateIp(ip)).toBeNull();
    },
  );
});
