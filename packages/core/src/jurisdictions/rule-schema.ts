/**
 * The `jurisdictions` part of a site configuration: rules per region, and the rule for
 * everywhere else. Absent, every visitor gets today's opt-in (and a published configuration
 * keeps its hash).
 */
import * as v from "valibot";
import { CONSENT_MODE_KEYS } from "../catalogue";
import { ID_PATTERN } from "../patterns";
import { REGION_PATTERN } from "./regions";

/**
 * How a rule treats what is not strictly necessary: `opt-in` (EU/EEA, and the strictest: nothing
 * runs before a choice), `uk-exemptions` (UK PECR reg. 6 as amended by the Data (Use and Access)
 * Act 2025: categories marked with an `exemption` run before a choice, for services that qualify,
 * with a free way to object), `opt-out` (US states: what `preChoice` names runs before a choice,
 * and the visitor opts out of sale and sharing; GPC is an opt-out).
 */
export const RULE_MODELS = ["opt-in", "uk-exemptions", "opt-out"] as const;

/** A rule's model. */
export type RuleModel = (typeof RULE_MODELS)[number];

/** The UK exceptions to consent a category may claim (`uk-exemptions` rules only). */
export const EXEMPTIONS = ["statistics", "functionality"] as const;

/** A category's UK exemption: `statistics` or `functionality` (appearance). */
export type Exemption = (typeof EXEMPTIONS)[number];

/**
 * What Global Privacy Control means under a rule: `sale-or-share` (the default, as everywhere
 * today: advertising and sale-or-share purposes stay off), or `refuse-all` (a refusal of every
 * category, as the EU Digital Omnibus proposal lets a machine-readable signal be; the site
 * chooses it).
 */
export const GPC_MEANINGS = ["sale-or-share", "refuse-all"] as const;

const id = v.pipe(v.string(), v.regex(ID_PATTERN, "must be an id"));

/** Per-language text overrides, the same shape as a configuration's `texts`. */
const TextsSchema = v.record(
  v.pipe(v.string(), v.maxLength(12)),
  v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.string(), v.maxLength(2000))),
);

/** One rule: where it applies, its model, and what differs there. */
export const RuleSchema = v.strictObject({
  id,
  /**
   * Where it applies: countries (`FR`), subdivisions (`US-CA`) and the groups `EU`, `EEA` and
   * `UK`. A subdivision beats its country, a country beats a group. Empty: only as `otherwise`.
   */
  regions: v.pipe(
    v.array(v.pipe(v.string(), v.regex(REGION_PATTERN, "must be EU, EEA, UK, FR or US-CA"))),
    v.maxLength(300),
  ),
  model: v.picklist(RULE_MODELS),
  /**
   * `opt-out` rules only: the categories that run before a choice (absent: every category).
   * Under GPC those it refuses stay off.
   */
  preChoice: v.optional(v.pipe(v.array(id), v.maxLength(32))),
  /** What GPC means here (absent: `sale-or-share`). */
  gpc: v.optional(v.picklist(GPC_MEANINGS)),
  /** Texts for this rule's visitors, over the site's `texts`, e.g. `{ en: { title: "..." } }`. */
  texts: v.optional(TextsSchema),
  /**
   * Region-scoped Consent Mode defaults for this rule's regions, pushed after the global denied
   * default (absent: what the rule runs before a choice). An `opt-in` rule grants nothing.
   */
  consentMode: v.optional(
    v.record(v.picklist(CONSENT_MODE_KEYS), v.picklist(["granted", "denied"])),
  ),
});

/** A rule as published. */
export type Rule = v.InferOutput<typeof RuleSchema>;

/** `jurisdictions` in a site configuration. */
export const JurisdictionsSchema = v.strictObject({
  rules: v.pipe(v.array(RuleSchema), v.minLength(1), v.maxLength(16)),
  /** The rule for every visitor no rule names, and for a visitor whose location is unknown. */
  otherwise: id,
});

/** A site's rules per region. */
export type Jurisdictions = v.InferOutput<typeof JurisdictionsSchema>;
