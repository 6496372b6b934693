import { afterEach, describe, expect, it } from "vitest";
import { addressKey } from "../network";
import { createTestApp } from "../test-support/test-app";
import { DEFAULT_RATE_LIMITS, parseBucketSpec, type RateLimits } from "./rate-limits";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
const open: TestApp[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

async function appWith(rateLimits: RateLimits, ip: () => string | null, now = () => 1e6) {
  const t = await createTestApp({ rateLimits, clientIp: ip, now });
  open.push(t);
  return t;
}

describe("POST /v1/receipts rate limits", () => {
  it("refuses an address past its burst with 429, Retry-After and the error shape", async () => {
    let now = 1_000_000;
    const t = await appWith(
      DEFAULT_RATE_LIMITS,
      () => "203.0.113.9",
      () => now,
    );
    const statuses: number[] = [];
    for (let i = 0; i < DEFAULT_RATE_LIMITS.perIp.burst; i++) {
      statuses.push((await t.post("/v1/receipts", t.receipt())).status);
    }
    expect(new Set(statuses)).toEqual(new Set([201]));
    const refused = await t.post("/v1/receipts", t.receipt(), {
      Origin: "https://www.example.org",
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("1");
    expect(refused.headers.get("Access-Control-Allow-Origin")).toBe("https://www.example.org");
    expect(refused.headers.get("Access-Control-Expose-Headers")).toBe("Retry-After");
    expect(await refused.json()).toEqual({
      error: { code: "RATE_LIMITED", message: expect.stringContaining("address") },
    });
    now += 1000;
    expect((await t.post("/v1/receipts", t.receipt())).status).toBe(201);
    expect((await t.post("/v1/receipts", t.receipt())).status).toBe(429);
  });

  it("refuses before reading the body, and stores nothing refused", async () => {
    const t = await appWith({ perIp: { perMinute: 1, burst: 1 } }, () => "203.0.113.9");
    expect((await t.post("/v1/receipts", t.receipt())).status).toBe(201);
    expect((await t.post("/v1/receipts", "not even json")).status).toBe(429);
    const refused = await t.post("/v1/receipts", t.receipt());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBe(60);
    const rows = await t.client.execute("SELECT count(*) FROM receipts");
    expect(Number(rows.rows[0]?.[0])).toBe(1);
  });

  it("counts addresses apart, an IPv6 address by its /64", async () => {
    let ip = "203.0.113.1";
    const t = await appWith({ perIp: { perMinute: 1, burst: 1 } }, () => ip);
    const post = async () => (await t.post("/v1/receipts", t.receipt())).status;
    expect(await post()).toBe(201);
    expect(await post()).toBe(429);
    ip = "203.0.113.2";
    expect(await post()).toBe(201);
    ip = "2001:db8:1:2:aaaa::1";
    expect(await post()).toBe(201);
    ip = "2001:0db8:0001:0002:bbbb::9";
    expect(await post()).toBe(429);
    ip = "2001:db8:1:3::1";
    expect(await post()).toBe(201);
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("198.51.100.7")).toBe("198.51.100.7");
  });

  it("counts IPv4 visitors of a dual-stack listener apart, not as one IPv6 /64", async () => {
    let ip = "::ffff:203.0.113.1";
    const t = await appWith({ perIp: { perMinute: 1, burst: 1 } }, () => ip);
    const post = async () => (await t.post("/v1/receipts", t.receipt())).status;
    expect(await post()).toBe(201);
    expect(await post()).toBe(429);
    ip = "::ffff:203.0.113.2";
    expect(await post()).toBe(201);
    ip = "203.0.113.2";
    expect(await post()).toBe(429);
  });

  it("does not count requests whose address the runtime cannot see", async () => {
    const t = await appWith({ perIp: { perMinute: 1, burst: 1 } }, () => null);
    for (let i = 0; i < 3; i++)
      expect((await t.post("/v1/receipts", t.receipt())).status).toBe(201);
  });

  it("limits a site across addresses, with per-site overrides", async () => {
    let n = 0;
    const t = await appWith(
      { perSite: { perMinute: 60, burst: 2 }, sites: { big: { perMinute: 60, burst: 4 } } },
      () => `198.51.100.${++n}`,
    );
    const big = await t.addSite("big");
    const forBig = () => t.receiptFor("big", big.config);
    const demo: number[] = [];
    const other: number[] = [];
    for (let i = 0; i < 5; i++) {
      demo.push((await t.post("/v1/receipts", t.receipt())).status);
      other.push((await t.post("/v1/receipts", forBig())).status);
    }
    expect(demo).toEqual([201, 201, 429, 429, 429]);
    expect(other).toEqual([201, 201, 201, 201, 429]);
    const refused = await t.post("/v1/receipts", t.receipt());
    expect((await refused.json()).error.message).toMatch(/site/);
  });

  it("reads limits from the environment's text", () => {
    expect(parseBucketSpec("60:20")).toEqual({ perMinute: 60, burst: 20 });
    expect(parseBucketSpec("90")).toEqual({ perMinute: 90, burst: 30 });
    expect(parseBucketSpec(" OFF ")).toBe(false);
    expect(parseBucketSpec(undefined)).toBeUndefined();
    expect(() => parseBucketSpec("lots")).toThrow(/PER_MINUTE/);
    expect(() => parseBucketSpec("0")).toThrow(/at least 1/);
  });
});
