import * as v from "valibot";
import { DEFAULT_CATEGORIES, NECESSARY } from "./categories";
import { ID_PATTERN, POLICY_VERSION_PATTERN, SITE_KEY_PATTERN } from "./patterns";

const id = v.pipe(
  v.string(),
  v.regex(ID_PATTERN, "must be lower-case letters, digits and hyphens"),
);

const httpUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check((s) => /^https?:\/\//.test(s) || s.startsWith("/"), "must be an http(s) URL or a path"),
);

/** Schema of a site's published configuration, as inlined in the loader. */
export const SiteConfigSchema = v.strictObject({
  siteKey: v.pipe(v.string(), v.regex(SITE_KEY_PATTERN, "must be a site key")),
  policyVersion: v.pipe(v.string(), v.regex(POLICY_VERSION_PATTERN, "must be a policy version")),
  privacyPolicyUrl: v.optional(httpUrl),
  cookiePolicyUrl: v.optional(httpUrl),
  defaultLanguage: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})?$/)),
    "en",
  ),
  categories: v.pipe(
    v.array(v.strictObject({ id, required: v.optional(v.boolean()) })),
    v.minLength(1),
    v.maxLength(32),
    v.check((list) => list.some((c) => c.id === NECESSARY), "must include `necessary`"),
    v.check((list) => new Set(list.map((c) => c.id)).size === list.length, "ids must be unique"),
  ),
  services: v.pipe(
    v.array(v.strictObject({ id, category: id })),
    v.maxLength(64),
    v.check((list) => new Set(list.map((s) => s.id)).size === list.length, "ids must be unique"),
  ),
  /** Days a decision stays valid: after an acceptance, and after a refusal. */
  expiry: v.optional(
    v.strictObject({
      acceptedDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(395)),
      rejectedDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(395)),
    }),
    { acceptedDays: 365, rejectedDays: 182 },
  ),
  /**
   * How the banner looks: `theme` light, dark or following the visitor's system (`auto`);
   * `position` a bar along the bottom, a box in a corner, or a centred modal; `floatingButton`
   * a small button that reopens the preference centre at any time.
   */
  ui: v.optional(
    v.strictObject({
      theme: v.optional(v.picklist(["light", "dark", "auto"]), "auto"),
      position: v.optional(v.picklist(["bar", "box", "modal"]), "bar"),
      floatingButton: v.optional(v.boolean(), false),
    }),
    { theme: "auto", position: "bar", floatingButton: false },
  ),
  /** Per-language text overrides, e.g. `{ en: { title: "Cookies on example.org" } }`. */
  texts: v.optional(
    v.record(
      v.pipe(v.string(), v.maxLength(12)),
      v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.string(), v.maxLength(2000))),
    ),
    {},
  ),
});

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
}

/**
 * Builds the configuration a new site starts with: the default categories and the given services.
 * @example defaultSiteConfig("demo", [{ id: "youtube", category: "embeds" }])
 */
export function defaultSiteConfig(
  siteKey: string,
  services: SiteConfig["services"] = [],
): SiteConfig {
  return v.parse(SiteConfigSchema, {
    siteKey,
    policyVersion: "1",
    categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })),
    services,
  });
}
