export { bodyLimit } from "./body-limit";
export {
  DEFAULT_RATE_LIMITS,
  parseBucketSpec,
  type RateLimits,
  type ReceiptLimiter,
  receiptLimiter,
} from "./rate-limits";
export { type BucketSpec, TokenBuckets } from "./token-buckets";
