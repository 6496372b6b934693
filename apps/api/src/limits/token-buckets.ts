/** A token bucket: `burst` requests at once, refilled at `perMinute` requests a minute. */
export interface BucketSpec {
  perMinute: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets by key, in memory. Bounded: past `maxKeys` keys, buckets that have refilled
 * (indistinguishable from a fresh one) are dropped first, then the least recently used, down
 * to 90% so a flood of new keys does not scan the map on every request.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly spec: BucketSpec,
    private readonly maxKeys = 100_000,
  ) {
    this.perMs = spec.perMinute / 60_000;
  }

  /** Takes one token for `key`: `0` when allowed, else the milliseconds until one is free. */
  take(key: string, now: number): number {
    const bucket = this.refilled(key, now);
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      if (this.buckets.size > this.maxKeys) this.evict(now);
      return 0;
    }
    return this.perMs > 0 ? Math.ceil((1 - bucket.tokens) / this.perMs) : Number.POSITIVE_INFINITY;
  }

  /** Keys currently tracked. */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, now: number): Bucket {
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: this.spec.burst, at: now };
    const elapsed = Math.max(0, now - bucket.at);
    return { tokens: Math.min(this.spec.burst, bucket.tokens + elapsed * this.perMs), at: now };
  }

  private evict(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.spec.burst) {
        this.buckets.delete(key);
      }
    }
    const target = Math.floor(this.maxKeys * 0.9);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= target) break;
      this.buckets.delete(key);
    }
  }
}
