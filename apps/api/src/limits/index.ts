export { bodyLimit } from "./body-limit";
export { bodyText } from "./body-text";
export {
  forEachWithin,
  type InvocationBudget,
  MAX_RECEIPT_ROW_BYTES,
  NO_INVOCATION_LIMITS,
  QueryMeter,
  unmetered,
} from "./invocation-budget";
export { BODY_LIMITS, jsonDepth, MAX_JSON_DEPTH, parseJsonBody } from "./json-body";
export {
  DEFAULT_RATE_LIMITS,
  parseBucketSpec,
  type RateLimits,
  type ReceiptLimiter,
  receiptLimiter,
} from "./rate-limits";
export { type BucketSpec, TokenBuckets } from "./token-buckets";
