import * as v from "valibot";
import { CONSENT_MODE_KEYS } from "./catalogue";
import { DEFAULT_CATEGORIES, NECESSARY } from "./categories";
import {
  guardMessage,
  hardGuards,
  MAX_COOKIE_DAYS,
  MAX_DECISION_DAYS,
  MIN_REFUSAL_DAYS,
} from "./config-guards";
import { EXEMPTIONS, JurisdictionsSchema, ruleChecks, type VisitorRule } from "./jurisdictions";
import { DEFAULT_LANGUAGE } from "./languages";
import { httpUrl } from "./link-url";
import type { LoaderConsentMode } from "./loader-consent-mode";
import {
  ID_PATTERN,
  LANGUAGE_TAG_PATTERN,
  POLICY_VERSION_PATTERN,
  RESERVED_IDS,
  SITE_KEY_PATTERN,
} from "./patterns";
import { PURPOSES } from "./purposes";
import type { SiteService } from "./services";
import { completeService } from "./services";

/**
 * How the banner looks when a configuration does not say: what the schema fills in, and what
 * the SDK assumes of a loader config that leaves a field out (`/s/KEY.js` inlines only the
 * fields that differ from these).
 */
export const UI_DEFAULTS = { theme: "auto", position: "bar", floatingButton: false } as const;

const id = v.pipe(
  v.string(),
  v.regex(
    ID_PATTERN,
    `must be lower-case letters, digits and hyphens, and not ${RESERVED_IDS.join(" or ")}`,
  ),
);

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const pattern = v.pipe(v.string(), v.regex(/^[^\s;,=]{1,80}$/, "must be a name or a prefix*"));
const consentModeKey = v.picklist(CONSENT_MODE_KEYS);
/** What a category or service is for (`PURPOSES`): GPC and Consent Mode read these, not ids. */
const purposes = v.optional(v.pipe(v.array(v.picklist(PURPOSES)), v.maxLength(PURPOSES.length)));

/**
 * A service on a site: a catalogue id with its category, optionally completed or overridden by
 * the site (a site's own services describe themselves in full).
 */
const SiteServiceSchema = v.strictObject({
  id,
  category: id,
  name: v.optional(text(80)),
  provider: v.optional(text(80)),
  purpose: v.optional(text(300)),
  purposes,
  /** Hosts it loads from (`example.com` or `example.com/path`). */
  hosts: v.optional(
    v.pipe(
      v.array(v.pipe(v.string(), v.regex(/^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/))),
      v.maxLength(20),
    ),
  ),
  cookies: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          name: pattern,
          days: v.pipe(
            v.number(),
            v.minValue(0),
            v.maxValue(
              MAX_COOKIE_DAYS,
              guardMessage(
                "cookie-lifetime-max",
                `a cookie lifetime is at most ${MAX_COOKIE_DAYS} days (two years, the longest a catalogue tracker sets)`,
              ),
            ),
          ),
        }),
      ),
      v.maxLength(30),
    ),
  ),
  storage: v.optional(v.pipe(v.array(pattern), v.maxLength(30))),
  privacyPolicyUrl: v.optional(httpUrl),
  consentModeKeys: v.optional(v.array(consentModeKey)),
  /** Embed URLs starting with `from` are loaded from `to` instead. */
  embed: v.optional(v.strictObject({ from: httpUrl, to: httpUrl })),
  /**
   * Google Analytics: whether Google Signals or advertising features are on. Absent counts as on;
   * only `false` lets it run under the UK statistics exemption (see `ukQualification`).
   */
  advertisingFeatures: v.optional(v.boolean()),
});

/**
 * Google Consent Mode v2 options. Without them: basic mode, the default category mapping, one
 * denied default for every region, 500 ms `wait_for_update`.
 */
const ConsentModeSchema = v.strictObject({
  /**
   * `basic` (default): Google's tags do not load until consent. `advanced`: they load at once and
   * send cookieless pings while consent is denied.
   */
  mode: v.optional(v.picklist(["basic", "advanced"])),
  /** Which Consent Mode keys each category grants, e.g. `{ analytics: ["analytics_storage"] }`. */
  categories: v.optional(v.record(id, v.array(consentModeKey))),
  /**
   * ISO 3166-2 regions (e.g. `["GB", "FR", "US-CA"]`) that get a region-scoped denied default as
   * well. The global denied default is always pushed first: no region is ever granted by default.
   */
  regions: v.optional(
    v.pipe(v.array(v.pipe(v.string(), v.regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/))), v.maxLength(300)),
  ),
  adsDataRedaction: v.optional(v.boolean()),
  urlPassthrough: v.optional(v.boolean()),
  /** Milliseconds Google's tags wait for a `consent update` after the default (500 when absent). */
  waitForUpdate: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000))),
});

const atMost13Months = v.maxValue<number, number, string>(
  MAX_DECISION_DAYS,
  guardMessage(
    "consent-max-13-months",
    `a decision is remembered at most ${MAX_DECISION_DAYS} days (13 months, as CNIL recommends); then the visitor is asked again`,
  ),
);

const SiteConfigShape = v.strictObject({
  siteKey: v.pipe(v.string(), v.regex(SITE_KEY_PATTERN, "must be a site key")),
  policyVersion: v.pipe(v.string(), v.regex(POLICY_VERSION_PATTERN, "must be a policy version")),
  privacyPolicyUrl: v.optional(httpUrl),
  cookiePolicyUrl: v.optional(httpUrl),
  defaultLanguage: v.optional(
    v.pipe(v.string(), v.regex(LANGUAGE_TAG_PATTERN, "must be a language tag")),
    DEFAULT_LANGUAGE,
  ),
  categories: v.pipe(
    v.array(
      v.strictObject({
        id,
        required: v.optional(v.boolean()),
        purposes,
        /**
         * A UK exception to consent the category claims (`statistics` or `functionality`): under a
         * `uk-exemptions` rule it runs before a choice, for services that qualify, and the visitor
         * can object. Elsewhere it is asked like any other category.
         */
        exemption: v.optional(v.picklist(EXEMPTIONS)),
      }),
    ),
    v.minLength(1),
    v.maxLength(32),
    v.check((list) => list.some((c) => c.id === NECESSARY), "must include `necessary`"),
    v.check((list) => new Set(list.map((c) => c.id)).size === list.length, "ids must be unique"),
  ),
  /** Completed from the catalogue on parsing (see `completeService`). */
  services: v.pipe(
    v.array(
      v.pipe(
        SiteServiceSchema,
        v.transform((service) => completeService(service) as typeof service),
      ),
    ),
    v.maxLength(64),
    v.check((list) => new Set(list.map((s) => s.id)).size === list.length, "ids must be unique"),
  ),
  /** Days a decision stays valid: after an acceptance, and after a refusal. */
  expiry: v.optional(
    v.strictObject({
      acceptedDays: v.pipe(v.number(), v.integer(), v.minValue(1), atMost13Months),
      rejectedDays: v.pipe(
        v.number(),
        v.integer(),
        v.minValue(
          MIN_REFUSAL_DAYS,
          guardMessage(
            "refusal-min-6-months",
            `a refusal is remembered at least ${MIN_REFUSAL_DAYS} days (6 months): asking again sooner wears visitors down into consenting`,
          ),
        ),
        atMost13Months,
      ),
    }),
    { acceptedDays: 365, rejectedDays: 182 },
  ),
  /**
   * How the banner looks: `theme` light, dark or following the visitor's system (`auto`);
   * `position` a bar along the bottom, a box in a corner, or a centred modal; `floatingButton`
   * a small button that reopens the preference centre at any time: `true` on every page;
   * `false` (the default, kept so published configs keep their hash) on every page that does
   * not show a visible `data-assent-open` element of its own (the SDK checks each page).
   */
  ui: v.optional(
    v.strictObject({
      theme: v.optional(v.picklist(["light", "dark", "auto"]), UI_DEFAULTS.theme),
      position: v.optional(v.picklist(["bar", "box", "modal"]), UI_DEFAULTS.position),
      floatingButton: v.optional(v.boolean(), UI_DEFAULTS.floatingButton),
    }),
    { ...UI_DEFAULTS },
  ),
  consentMode: v.optional(ConsentModeSchema),
  /**
   * Reload the page after a withdrawal when a withdrawn service's script had already run: the
   * only way to stop it. Absent means on (the SDK's default, not the schema's, so published
   * configs keep their hash); `false` for a site that stops its own scripts.
   */
  reloadOnWithdraw: v.optional(v.boolean()),
  /** Per-language text overrides, e.g. `{ en: { title: "Cookies on example.org" } }`. */
  texts: v.optional(
    v.record(
      v.pipe(v.string(), v.maxLength(12)),
      v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.string(), v.maxLength(2000))),
    ),
    {},
  ),
  /**
   * Rules per region (see `selectRule`). Absent: opt-in everywhere, as before rules existed (no
   * default is filled in, so published configurations keep their hash).
   */
  jurisdictions: v.optional(JurisdictionsSchema),
});

/**
 * Schema of a site's published configuration, as inlined in the loader. Besides the shape, it
 * refuses every configuration that breaks a hard guard (`configGuardIssues`), with the rule's id
 * in the message and the path of the offending field.
 */
export const SiteConfigSchema = v.pipe(SiteConfigShape, hardGuards(), ruleChecks());

/**
 * Validates a configuration as the admin API does before saving it: the configuration with its
 * defaults applied, or the first problem as `path: message`, a hard guard's message starting
 * with its rule id (e.g. `texts.fr.rejectAll: [control-text-required] ...`).
 */
export function parseSiteConfig(
  input: unknown,
): { ok: true; value: SiteConfig } | { ok: false; message: string } {
  const result = v.safeParse(SiteConfigSchema, input);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join(".");
  return { ok: false, message: path ? `${path}: ${issue.message}` : issue.message };
}

/** A site's published configuration (after defaults are applied). */
export type SiteConfig = v.InferOutput<typeof SiteConfigSchema>;
/** A site configuration as an owner writes it (defaults may be left out). */
export type SiteConfigInput = v.InferInput<typeof SiteConfigSchema>;

/** What the API inlines in front of the loader for one site. */
export interface LoaderBoot {
  /** The published configuration. */
  config: SiteConfig;
  /** SHA-256 (hex) of the canonical JSON of `config`: receipts say which version was shown. */
  configHash: string;
  /** Origin of the Assent API, e.g. `https://consent.example.org`. */
  api: string;
  /** Absolute URL of the UI chunk, imported only when the visitor must be asked. */
  ui: string;
  /** Google Consent Mode's commands and mapping for this site and visitor (`loaderConsentMode`). */
  consentMode: LoaderConsentMode;
  /**
   * The catalogue's services the site does not list (`catalogueTraces`): what their tags set is
   * cleared on withdrawal whether or not the site lists them, and auto-blocking knows them.
   */
  traces: SiteService[];
  /**
   * The rule the server chose for this visitor from its trusted location headers (`selectRule`),
   * worked out for the loader (`visitorRule`), only when `config.jurisdictions` is set. The
   * inlined `config` then has no `jurisdictions`: a visitor downloads only their own rule.
   */
  rule?: VisitorRule;
  /**
   * The loader request carried `Sec-GPC: 1` (only on a loader with a `rule`, which is cached
   * privately and varies on that header): Global Privacy Control, as `navigator.globalPrivacyControl`.
   */
  gpc?: true;
}

/**
 * Where a new site's banner links its privacy policy until the owner says (a path on the site
 * showing the banner): a privacy-policy link is required (`privacy-policy-required`).
 */
export const DEFAULT_PRIVACY_POLICY_URL = "/privacy";

/**
 * Builds the configuration a new site starts with: the default categories, the given services
 * and a privacy-policy link (`DEFAULT_PRIVACY_POLICY_URL` unless given).
 * @example defaultSiteConfig("demo", [{ id: "youtube", category: "embeds" }])
 */
export function defaultSiteConfig(
  siteKey: string,
  services: SiteConfigInput["services"] = [],
  privacyPolicyUrl = DEFAULT_PRIVACY_POLICY_URL,
): SiteConfig {
  return v.parse(SiteConfigSchema, {
    siteKey,
    policyVersion: "1",
    privacyPolicyUrl,
    categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })),
    services,
  });
}
