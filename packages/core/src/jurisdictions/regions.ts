/**
 * Where a rule applies: ISO 3166-1 alpha-2 countries (`FR`), ISO 3166-2 subdivisions (`US-CA`)
 * and three groups (`EU`, `EEA`, `UK`; `EU` and `EEA` include the EU's territories with codes of
 * their own, `EU_TERRITORIES`). Kept free of the schema library: the loader can match a
 * visitor with it.
 */

/** The 27 member states of the European Union (ISO 3166-1 alpha-2). */
export const EU_COUNTRIES = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
] as const;

/**
 * Parts of EU member states that are EU territory but have ISO 3166-1 codes of their own, so a
 * proxy may give them as a visitor's country: the outermost regions of TFEU article 355(1)
 * (Réunion, Guadeloupe, Martinique, French Guiana, Mayotte, Saint-Martin; the Canary Islands,
 * the Azores and Madeira have none: they are `ES` and `PT`), the Åland Islands (EU territory,
 * with a protocol on taxes only), and the codes ISO reserves for the Canary Islands (`IC`) and
 * for Ceuta and Melilla (`EA`). The overseas countries and territories (Saint-Barthélemy, New
 * Caledonia, ...) and the Faroe Islands and Greenland are not in the EU.
 */
export const EU_TERRITORIES = ["RE", "GP", "MQ", "GF", "YT", "MF", "AX", "IC", "EA"] as const;

/** Every country code of EU territory: the member states and their territories with codes of their own. */
export const EU_REGION = [...EU_COUNTRIES, ...EU_TERRITORIES] as const;

/** The European Economic Area: the EU (with its territories) and Iceland, Liechtenstein and Norway. */
export const EEA_COUNTRIES = [...EU_REGION, "IS", "LI", "NO"] as const;

/**
 * The United Kingdom, where PECR applies: `GB` is its ISO code (Great Britain and Northern
 * Ireland). The Crown Dependencies (`JE`, `GG`, `IM`) have laws of their own and are not in it.
 */
export const UK_COUNTRIES = ["GB"] as const;

/**
 * US states whose privacy laws require honouring a universal opt-out signal such as Global
 * Privacy Control, in force by 2026: California (CCPA/CPRA), Colorado (CPA), Connecticut
 * (CTDPA), Delaware (DPDPA), Maryland (MODPA), Minnesota (MCDPA), Montana (MCDPA), Nebraska
 * (NDPA), New Hampshire (NHPA), New Jersey (NJDPA), Oregon (OCPA) and Texas (TDPSA).
 */
export const US_GPC_STATES = [
  "US-CA",
  "US-CO",
  "US-CT",
  "US-DE",
  "US-MD",
  "US-MN",
  "US-MT",
  "US-NE",
  "US-NH",
  "US-NJ",
  "US-OR",
  "US-TX",
] as const;

/** Region groups a rule may name instead of listing countries. */
export const REGION_GROUPS: Readonly<Record<string, readonly string[]>> = {
  EU: EU_REGION,
  EEA: EEA_COUNTRIES,
  UK: UK_COUNTRIES,
};

/**
 * What a rule's `regions` may hold: a group (`EU`, `EEA`, `UK`), a country (`FR`) or a
 * subdivision (`US-CA`, `GB-SCT`).
 */
export const REGION_PATTERN = /^(?:EU|EEA|UK|[A-Z]{2}(?:-[A-Z0-9]{1,3})?)$/;

/** A two-letter country code. */
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;

/** An ISO 3166-2 subdivision code, e.g. `US-CA`. */
export const SUBDIVISION_PATTERN = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/** Where a visitor is, as the trusted proxy headers say; `null` when unknown. */
export interface VisitorLocation {
  /** ISO 3166-1 alpha-2, e.g. `US`. */
  country: string | null | undefined;
  /** ISO 3166-2 (`US-CA`), or the part after the hyphen (`CA`); `null` when unknown. */
  subdivision?: string | null | undefined;
}

/**
 * A visitor's subdivision in full ISO 3166-2 form (`US-CA`), whether the proxy gave `CA` or
 * `US-CA`, or `null` when it gave none or one of another country.
 * @example fullSubdivision({ country: "US", subdivision: "CA" }) // "US-CA"
 */
export function fullSubdivision(location: VisitorLocation): string | null {
  const country = location.country?.toUpperCase();
  const sub = location.subdivision?.trim().toUpperCase();
  if (!country || !COUNTRY_PATTERN.test(country) || !sub) return null;
  const full = sub.includes("-") ? sub : `${country}-${sub}`;
  return SUBDIVISION_PATTERN.test(full) && full.startsWith(`${country}-`) ? full : null;
}

/**
 * How specifically a region names a visitor: 3 for their subdivision, 2 for their country, 1
 * for a group holding their country, 0 for none. A rule's most specific match wins.
 * @example regionMatch("EEA", { country: "NO" }) // 1
 */
export function regionMatch(region: string, location: VisitorLocation): 0 | 1 | 2 | 3 {
  const country = location.country?.toUpperCase();
  if (!country) return 0;
  if (region.includes("-")) return region === fullSubdivision(location) ? 3 : 0;
  if (region === country) return 2;
  return REGION_GROUPS[region]?.includes(country) ? 1 : 0;
}
