/**
 * When a new policy version may be published. A new policy version invalidates every stored
 * decision (`isCurrent`), refusals included, so every visitor is asked again: done at will, it
 * would wear down those who refused, which the six months a refusal is remembered
 * (`MIN_REFUSAL_DAYS`) exist to prevent. So a new version needs a change to what visitors are
 * shown or asked since the current version began, or a stated reason, when that began less
 * than six months ago.
 */
import * as v from "valibot";
import { canonicalJson } from "./canonical-json";
import { MIN_REFUSAL_DAYS } from "./config-guards";

/** The fewest days between policy versions that change nothing visitors see, without a reason. */
export const POLICY_BUMP_MIN_DAYS = MIN_REFUSAL_DAYS;

/** The most characters a policy bump's reason may have. */
export const POLICY_BUMP_REASON_MAX = 500;

/**
 * Why visitors are asked again though nothing they see changed ("our processor changed"), kept
 * in the audit log: not blank, at most `POLICY_BUMP_REASON_MAX` characters.
 */
export const PolicyBumpReasonSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, "must say why"),
  v.maxLength(POLICY_BUMP_REASON_MAX),
);

/** What a visitor is shown or asked: the parts of a configuration a new consent would be about. */
const ASKED = [
  "privacyPolicyUrl",
  "cookiePolicyUrl",
  "defaultLanguage",
  "categories",
  "services",
  "consentMode",
  "texts",
  "jurisdictions",
] as const;

/**
 * Whether two configurations show and ask visitors the same: the same categories, services,
 * texts, rules, Consent Mode mapping and policy links (their policy version, the banner's look,
 * how long decisions last are not what is asked).
 * @example asksTheSame(published, { ...published, policyVersion: "2" }) // true
 */
export function asksTheSame(a: object, b: object): boolean {
  const asked = (config: object) =>
    canonicalJson(
      Object.fromEntries(ASKED.map((key) => [key, (config as Record<string, unknown>)[key]])),
    );
  return asked(a) === asked(b);
}

/**
 * How long after a policy version began a new one that changes nothing visitors see needs a
 * reason: as long as the configuration in force remembers a refusal (`expiry.rejectedDays`), and
 * never less than `POLICY_BUMP_MIN_DAYS`. Sooner, the new version would cut short refusals the
 * site promised to remember that long.
 * @example pacingDays({ expiry: { acceptedDays: 395, rejectedDays: 395 } }) // 395
 */
export function pacingDays(current: { expiry: { rejectedDays: number } }): number {
  return Math.max(POLICY_BUMP_MIN_DAYS, current.expiry.rejectedDays);
}

/**
 * Whether a new policy version needs a stated reason: it asks visitors what the current one
 * already asked (`asksTheSame` as the version that began it), and that began less than
 * `days` (`pacingDays` of the configuration in force) ago.
 * @example bumpNeedsReason(first, next, first.publishedAt, Date.now()) // true the same day
 */
export function bumpNeedsReason(
  began: object,
  next: object,
  beganAt: number,
  now: number,
  days: number = POLICY_BUMP_MIN_DAYS,
): boolean {
  return asksTheSame(began, next) && now - beganAt < days * 86_400_000;
}
