import { ApiError } from "../errors";
import { addressKey } from "../network";
import { type BucketSpec, TokenBuckets } from "./token-buckets";

/** Limits on `POST /v1/receipts`; `false` turns one (or all) off. */
export interface RateLimits {
  /** Per visitor address (an IPv6 address counts by its /64). Default 60 a minute, burst 20. */
  perIp?: BucketSpec | false;
  /** Per site, across all visitors. Default 120,000 a minute (2,000/s), burst 20,000. */
  perSite?: BucketSpec | false;
  /** Per-site overrides by site key, e.g. a site known to be bigger than the default. */
  sites?: Record<string, BucketSpec>;
  /** Most addresses (and sites) tracked at once (100,000 each). */
  maxKeys?: number;
}

/**
 * Sized so that a real site's traffic is never refused: a visitor makes one receipt per
 * decision, so 20 at once and one a second after that is far above any person; a site's
 * default is above what one server ingests.
 */
export const DEFAULT_RATE_LIMITS = {
  perIp: { perMinute: 60, burst: 20 },
  perSite: { perMinute: 120_000, burst: 20_000 },
} as const satisfies RateLimits;

function tooMany(scope: string, waitMs: number): ApiError {
  const seconds = Number.isFinite(waitMs) ? Math.max(1, Math.ceil(waitMs / 1000)) : 3600;
  return new ApiError(
    "RATE_LIMITED",
    `Too many receipts from this ${scope}; retry after ${seconds} s`,
    { headers: { "Retry-After": String(seconds) } },
  );
}

/** The receipt route's limiter: throws a 429 `RATE_LIMITED` with `Retry-After` when over. */
export interface ReceiptLimiter {
  /** Counts a request from an address (`null`: the runtime does not know it; not counted). */
  address(ip: string | null): void;
  /** Counts a receipt for a known site. */
  site(siteKey: string): void;
}

/** Builds the limiter; `limits` of `false` allows everything. */
export function receiptLimiter(
  limits: RateLimits | false | undefined,
  now: () => number,
): ReceiptLimiter {
  if (limits === false) return { address: () => {}, site: () => {} };
  const perIp = limits?.perIp ?? DEFAULT_RATE_LIMITS.perIp;
  const perSite = limits?.perSite ?? DEFAULT_RATE_LIMITS.perSite;
  const maxKeys = limits?.maxKeys ?? 100_000;
  const ips = perIp ? new TokenBuckets(perIp, maxKeys) : null;
  const sites = perSite ? new TokenBuckets(perSite, maxKeys) : null;
  const overrides = new Map(
    Object.entries(limits?.sites ?? {}).map(([key, spec]) => [key, new TokenBuckets(spec, 1)]),
  );
  return {
    address(ip) {
      const key = ip ? addressKey(ip) : null;
      if (!ips || !key) return;
      const wait = ips.take(key, now());
      if (wait > 0) throw tooMany("address", wait);
    },
    site(siteKey) {
      const buckets = overrides.get(siteKey) ?? sites;
      if (!buckets) return;
      const wait = buckets.take(siteKey, now());
      if (wait > 0) throw tooMany("site", wait);
    },
  };
}

/**
 * Reads limits from text, as the Node entry's environment gives them: `off`, or
 * `PER_MINUTE` or `PER_MINUTE:BURST` (burst defaults to a third of a minute's worth).
 * @example parseBucketSpec("60:20") // { perMinute: 60, burst: 20 }
 */
export function parseBucketSpec(text: string | undefined): BucketSpec | false | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  if (text.trim().toLowerCase() === "off") return false;
  const match = /^\s*(\d+)\s*(?::\s*(\d+)\s*)?$/.exec(text);
  if (!match) throw new Error(`a rate limit is "off" or PER_MINUTE[:BURST], not "${text}"`);
  const perMinute = Number(match[1]);
  const burst = match[2] === undefined ? Math.max(1, Math.ceil(perMinute / 3)) : Number(match[2]);
  if (perMinute < 1 || burst < 1) throw new Error("a rate limit must allow at least 1");
  return { perMinute, burst };
}
