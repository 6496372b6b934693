import { isRequired, NECESSARY } from "./categories";
import { CONSENT_METHODS, type ConsentMethod, type Decision, type DecisionScope } from "./decision";
import { ID_PATTERN } from "./patterns";

/** Name of the first-party cookie that holds the decision. */
export const CONSENT_COOKIE = "assent";

/** What the consent cookie holds: enough to apply a decision without any request. */
export interface ConsentRecord {
  /** Policy version the decision was made against. */
  policyVersion: string;
  /** When the decision was made (ms since epoch, second precision). */
  decidedAt: number;
  /** Pseudonymous subject id of this browser. */
  subjectId: string;
  /** Id of the receipt that logged this decision. */
  receiptId: string;
  method: ConsentMethod;
  decision: Decision;
  /**
   * Global Privacy Control was on when the decision was made (absent: it was not, or the cookie
   * predates the flag). Under an opt-out rule the signal prevails over a setting made without it.
   */
  gpc?: boolean;
  /**
   * Grants an exempt category by a UK exemption only: made under a rule running them
   * (`uk-exemptions`), by anything but "Accept all" (a refusal keeps them on; the preference
   * centre starts with them on). That is not consent where another rule applies.
   */
  exemptions?: boolean;
  /**
   * The services that followed their category when the decision was made (not set against it):
   * they follow their category as it is now (`reconcile`), so one the site moves into a category
   * the visitor refused is refused. Empty in cookies from before, whose every service counts as
   * set.
   */
  follows?: string[];
}

const FORMAT = "1";
const METHOD_CODES = "arcwgpox";

/**
 * A map as `granted_denied`, ids joined by dots. Given `follows`, each half lists the services
 * that follow their category first, then an empty id, then those set against it: a reader from
 * before (which skips empty ids) reads the same values.
 */
function encodeMap(map: Record<string, boolean>, follows?: readonly string[]): string {
  // Ids are validated where they come from (the site config); the decoder re-checks them.
  const half = (value: boolean) => {
    const ids = Object.keys(map).filter((k) => (map[k] === true) === value);
    return (
      follows
        ? [
            ...ids.filter((k) => follows.includes(k)),
            "",
            ...ids.filter((k) => !follows.includes(k)),
          ]
        : ids
    ).join(".");
  };
  return `${half(true)}_${half(false)}`;
}

/** A map back, the ids before a half's empty id added to `follows`. */
function decodeMap(text: string, follows: string[] = []): Record<string, boolean> | null {
  const out: Record<string, boolean> = {};
  const halves = text.split("_");
  for (const [half, value] of [
    [halves[0], true],
    [halves[1], false],
  ] as const) {
    const ids = (half as string).split(".");
    const marker = ids.indexOf("");
    for (const [i, id] of ids.entries()) {
      if (!id) continue;
      // Own keys only: "constructor" is a valid id and `in` would find Object.prototype's.
      if (!ID_PATTERN.test(id) || Object.hasOwn(out, id)) return null;
      out[id] = value;
      if (i < marker) follows.push(id);
    }
  }
  return out;
}

/**
 * The whole cookie value: format 1, then policy version, time, subject, receipt id (its shape
 * only: the API re-validates it as `previousId`), method, the two maps (`encodeMap`), then `~g`
 * when Global Privacy Control was on and `~u` when it grants by a UK exemption only.
 */
const VALUE =
  /^1~([\w.-]{1,32})~([0-9a-z]{1,9})~([\w-]{22})~([0-9a-f-]{36})~([arcwgpox])~([a-z0-9.-]*_[a-z0-9.-]*)~([a-z0-9.-]*_[a-z0-9.-]*)(~g)?(~u)?$/;

/**
 * Serialises a consent record into a compact cookie value (no characters that need escaping).
 * Given the scope it was decided in, the services whose value is their category's are written
 * as following it (`follows`), else the record's own `follows`.
 * @example encodeConsentCookie(record, config) // "1~3~t1k2p0~Ab...~0193...~a~necessary.analytics_marketing~..."
 */
export function encodeConsentCookie(record: ConsentRecord, scope?: DecisionScope): string {
  const method = METHOD_CODES[CONSENT_METHODS.indexOf(record.method)] ?? "p";
  const { categories, services } = record.decision;
  const follows = scope
    ? scope.services.filter((s) => services[s.id] === categories[s.category]).map((s) => s.id)
    : record.follows;
  return `${[
    FORMAT,
    record.policyVersion,
    Math.floor(record.decidedAt / 1000).toString(36),
    record.subjectId,
    record.receiptId,
    method,
    encodeMap(categories),
    encodeMap(services, follows),
  ].join("~")}${record.gpc ? "~g" : ""}${record.exemptions ? "~u" : ""}`;
}

/**
 * Reads a cookie value back. Garbage, truncated or foreign values give `null` ("no decision");
 * this function never throws.
 */
export function decodeConsentCookie(value: string | null | undefined): ConsentRecord | null {
  const m = typeof value === "string" ? VALUE.exec(value) : null;
  if (!m) return null;
  const [, policyVersion, ts, subjectId, receiptId, code, cats, svcs, gpc, exemptions] =
    m as unknown as string[];
  const follows: string[] = [];
  const categories = decodeMap(cats as string);
  const services = decodeMap(svcs as string, follows);
  if (!categories || !services) return null;
  return {
    policyVersion: policyVersion as string,
    decidedAt: Number.parseInt(ts as string, 36) * 1000,
    subjectId: subjectId as string,
    receiptId: receiptId as string,
    method: CONSENT_METHODS[METHOD_CODES.indexOf(code as string)] as ConsentMethod,
    decision: { categories, services },
    gpc: !!gpc,
    exemptions: !!exemptions,
    follows,
  };
}

/** Reads one cookie out of a `document.cookie`-style string. */
export function readCookie(cookieHeader: string, name: string = CONSENT_COOKIE): string | null {
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The part of a site configuration that decides whether a stored decision still holds. */
export interface ValidityScope extends DecisionScope {
  policyVersion: string;
  expiry: { acceptedDays: number; rejectedDays: number };
}

const DAY = 86_400_000;

/** When a decision expires: sooner after a refusal than after an acceptance (site settings). */
export function expiresAt(record: ConsentRecord, scope: ValidityScope): number {
  const granted = scope.categories.some((c) => !isRequired(c) && record.decision.categories[c.id]);
  const days = granted ? scope.expiry.acceptedDays : scope.expiry.rejectedDays;
  return record.decidedAt + days * DAY;
}

/**
 * The longest a decision made under this configuration is remembered, in days: after an
 * acceptance or after a refusal, whichever is longer. The receipt proving a decision must be kept
 * at least this long, as the decision may be in force until then.
 * @example longestExpiryDays({ expiry: { acceptedDays: 365, rejectedDays: 182 } }) // 365
 */
export function longestExpiryDays(scope: Pick<ValidityScope, "expiry">): number {
  return Math.max(scope.expiry.acceptedDays, scope.expiry.rejectedDays);
}

/**
 * Whether a stored decision still applies: same policy version, not expired, not from the future.
 * When it does not, the visitor must be asked again.
 */
export function isCurrent(
  record: ConsentRecord | null,
  scope: ValidityScope,
  now: number,
): boolean {
  if (!record || record.policyVersion !== scope.policyVersion) return false;
  return record.decidedAt <= now + DAY && now < expiresAt(record, scope);
}

/**
 * Fits a stored decision to the current configuration: categories and services it does not name
 * are denied (never switched on silently); required categories are on, and `necessary`'s services
 * (one added since too, as `decide` has them); a service that followed its category (`follows`)
 * follows it as it is now.
 * @example reconcile(record.decision, config, record.follows)
 */
export function reconcile(
  decision: Decision,
  scope: DecisionScope,
  follows: readonly string[] = [],
): Decision {
  const categories: Record<string, boolean> = {};
  for (const c of scope.categories)
    categories[c.id] = isRequired(c) || decision.categories[c.id] === true;
  const services: Record<string, boolean> = {};
  for (const s of scope.services)
    services[s.id] =
      s.category === NECESSARY ||
      (follows.includes(s.id) ? categories[s.category] : decision.services[s.id]) === true;
  return { categories, services };
}
