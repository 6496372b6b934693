import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./token-buckets";

describe("TokenBuckets", () => {
  it("allows a burst, then one request per refill interval", () => {
    const buckets = new TokenBuckets({ perMinute: 60, burst: 3 });
    expect([0, 0, 0].map(() => buckets.take("a", 0))).toEqual([0, 0, 0]);
    expect(buckets.take("a", 0)).toBe(1000);
    expect(buckets.take("a", 400)).toBe(600);
    expect(buckets.take("a", 1000)).toBe(0);
    expect(buckets.take("a", 1000)).toBe(1000);
  });

  it("keeps keys apart and never refills beyond the burst", () => {
    const buckets = new TokenBuckets({ perMinute: 60, burst: 2 });
    buckets.take("a", 0);
    buckets.take("a", 0);
    expect(buckets.take("b", 0)).toBe(0);
    expect(buckets.take("a", 3_600_000)).toBe(0);
    expect(buckets.take("a", 3_600_000)).toBe(0);
    expect(buckets.take("a", 3_600_000)).toBeGreaterThan(0);
  });

  it("stays bounded under a flood of new keys, forgetting refilled buckets first", () => {
    const buckets = new TokenBuckets({ perMinute: 60, burst: 1 }, 1000);
    buckets.take("busy", 0);
    for (let i = 0; i < 10_000; i++) buckets.take(`ip-${i}`, 0);
    expect(buckets.size).toBeLessThanOrEqual(1000);
    for (let i = 0; i < 2000; i++) buckets.take(`later-${i}`, 120_000);
    expect(buckets.size).toBeLessThanOrEqual(1000);
  });
});
