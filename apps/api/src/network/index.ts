export { formatIp, inCidr, normalizeIp, parseCidr, parseIp } from "./ip-address";
export { NON_PUBLIC_RANGES, nonPublicKind } from "./public-address";
export {
  fixedOrigin,
  loopbackHosts,
  loopbackOrigin,
  type PublicOrigin,
  parsePublicUrl,
} from "./public-origin";
export { addressKey, truncateIp } from "./truncate-ip";
export {
  type ClientInfo,
  COUNTRY_HEADERS,
  countryCode,
  LOCATION_HEADER_NAMES,
  LOCATION_HEADERS,
  locationFrom,
  parseTrustProxy,
  resolveClient,
  type TrustProxy,
} from "./trust-proxy";
