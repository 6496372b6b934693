/**
 * Where the e2e visitors come from. In production a CDN or a GeoIP step places a visitor by
 * their address; here every browser is on this machine, so Caddy stands in for that step with a
 * table of loopback addresses (`deploy/Caddyfile`'s `ASSENT_CONSENT_DIRECTIVES` and
 * `ASSENT_LOCATION_HEADERS`), and a spec's visitor connects from one of them through a forward
 * proxy (`fixtures/geo.ts`). The location is decided by Caddy from the connection alone.
 */
export const PLACES = {
  FR: { address: "127.0.0.2", country: "FR", region: "" },
  GB: { address: "127.0.0.3", country: "GB", region: "" },
  "US-CA": { address: "127.0.0.4", country: "US", region: "CA" },
  /** A US state the specs' rules may leave to `otherwise`. */
  "US-TX": { address: "127.0.0.5", country: "US", region: "TX" },
  /** An address the table does not list: Caddy gives no country, as a GeoIP step that failed. */
  unknown: { address: "127.0.0.9", country: "", region: "" },
} as const;

/** A place a spec's visitor can come from: `visitorFrom("GB")`. */
export type Place = keyof typeof PLACES;

/** Caddy's stand-in GeoIP step: `{geo_country}` and `{geo_region}` from the client's address. */
export function geoDirectives(): string {
  const rows = Object.values(PLACES)
    .filter((place) => place.country)
    .map((p) => `\t\t${p.address} ${p.country} ${p.region || '""'}`);
  return [
    "map {http.request.remote.host} {geo_country} {geo_region} {",
    ...rows,
    '\t\tdefault "" ""',
    "\t}",
  ].join("\n");
}

/** What the instances get from it: the pair `TRUST_PROXY` lets them believe from Caddy. */
export const GEO_LOCATION_HEADERS = [
  "header_up X-Country-Code {geo_country}",
  "header_up X-Region-Code {geo_region}",
].join("\n\t\t");
