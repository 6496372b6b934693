/**
 * Hard guards: what no published configuration may do, whoever edits it (dashboard, admin API,
 * Worker). Each refusal names a stable rule id, `[rule-id] why`, so an admin, a test or the
 * compliance linter can tell them apart. Sources: the EDPB cookie banner taskforce report (2023),
 * the ICO's guidance on storage and access technologies, CNIL's guidelines and recommendation on
 * cookies (2020).
 */

import * as v from "valibot";
import { CATALOGUE, type ConsentModeKey } from "./catalogue";
import { NECESSARY } from "./categories";
import { GATED_CONSENT_MODE_KEYS } from "./consent-mode";
import { httpUrl } from "./link-url";
import { nameMatches } from "./name-patterns";
import type { SiteService } from "./services";
import { textSets } from "./text-sets";
import { hasFormatCharacter, hasVisibleWord } from "./visible-text";

/** Every hard rule, by its stable id. */
export const GUARD_RULES = [
  "required-only-necessary",
  "necessary-no-catalogue-service",
  "necessary-no-hosts",
  "necessary-no-tracking-cookies",
  "necessary-no-consent-mode-grant",
  "consent-mode-keys-google-only",
  "control-text-required",
  "text-no-bidi-override",
  "text-link-url",
  "privacy-policy-required",
  "refusal-min-6-months",
  "consent-max-13-months",
  "cookie-lifetime-max",
] as const;

/** A hard rule's id. */
export type GuardRule = (typeof GUARD_RULES)[number];

/** A refusal's message: the rule id first, then why. */
export const guardMessage = (rule: GuardRule, why: string): string => `[${rule}] ${why}`;

/** A refusal is remembered six months at least: forgetting it sooner nags the visitor into consent (CNIL). */
export const MIN_REFUSAL_DAYS = 182;
/** A decision is asked again after 13 months at most (CNIL's recommendation; ICO: "proportionate"). */
export const MAX_DECISION_DAYS = 395;
/**
 * The longest cookie lifetime a service may declare: two years, Google Analytics' own default
 * for `_ga` (the longest the catalogue holds). A declared lifetime is a fact shown to visitors,
 * not a setting Assent enforces, so the bound refuses absurd declarations (100,000 days) without
 * forcing a site to understate what its tags really set. CNIL's 13 months for trackers is a
 * recommendation (a condition only for exempt audience measurement): a linter warning, not this.
 */
export const MAX_COOKIE_DAYS = 730;

/** The services that read Google Consent Mode (Google's own tags), the only ones with its keys. */
export const READS_CONSENT_MODE: readonly string[] = ["google-analytics", "google-ads"];

/**
 * Texts that label a control: buttons, links, the floating button that withdraws consent, an
 * embed's placeholder, and the rules' controls (the UK objection, the US opt-out and its link).
 */
export const CONTROL_TEXT_KEYS: readonly string[] = [
  "acceptAll",
  "rejectAll",
  "manage",
  "save",
  "close",
  "privacyPolicy",
  "cookiePolicy",
  "serviceprivacy",
  "floatingButton",
  "embed.loadOnce",
  "embed.alwaysAllow",
  "object",
  "optOut",
  "privacyChoices",
];

/** The parts of a site configuration the guards read. */
export interface GuardedConfig {
  privacyPolicyUrl?: string | undefined;
  categories: ReadonlyArray<{ id: string; required?: boolean | undefined }>;
  services: readonly SiteService[];
  consentMode?: { categories?: Record<string, readonly string[]> | undefined } | undefined;
  texts: Record<string, Record<string, string>>;
  /** Rules per region; a rule's own texts are shown over the site's to its visitors. */
  jurisdictions?:
    | { rules: ReadonlyArray<{ texts?: Record<string, Record<string, string>> | undefined }> }
    | undefined;
}

/** A configuration a guard refuses: which rule, where (keys from the root), and why. */
export interface GuardIssue {
  rule: GuardRule;
  path: ReadonlyArray<string | number>;
  message: string;
}

/** Cookie and storage names of every catalogue service: trackers, never strictly necessary. */
const TRACKER_NAMES = CATALOGUE.flatMap((s) => [
  ...s.cookies.map((c) => c.name),
  ...(s.storage ?? []),
]);

/** Whether two names or `prefix*` patterns can name the same cookie. */
const overlaps = (a: string, b: string): boolean =>
  nameMatches(a, b) ||
  nameMatches(b, a) ||
  (a.endsWith("*") &&
    b.endsWith("*") &&
    (a.startsWith(b.slice(0, -1)) || b.startsWith(a.slice(0, -1))));

/**
 * Why a control's label is not one a visitor can see and act on, or `null`: it needs a visible
 * letter or digit (not punctuation alone, not a blank-looking letter), no leading or trailing
 * spaces, and no invisible format character, which could hide or reorder what it says.
 */
function controlTextProblem(text: string): string | null {
  if (hasFormatCharacter(text))
    return "a button or link label may not hold invisible format characters (zero-width spaces or joiners, bidirectional controls, soft hyphens): they can hide or reorder what the visitor reads";
  if (text !== text.trim() || !hasVisibleWord(text))
    return "a button or link needs a visible label with a letter or digit, without leading or trailing spaces";
  return null;
}

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make a
 * text display in another order than it is stored, so a reversed "By continuing to use this site
 * you consent" would show as that sentence while every wording check reads it backwards. A
 * banner needs none of them (`dir` and the marks U+200E/U+200F stay allowed).
 */
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/;
const BIDI_WHY =
  "a text may not hold bidirectional embedding, override or isolate characters (U+202A–U+202E, U+2066–U+2069): they show it in another order than the checks read it";

/** An id as messages show it, in quotes. */
const quote = (id: string) => JSON.stringify(id);

function necessaryServiceIssues(service: SiteService, at: number): GuardIssue[] {
  const issue = (rule: GuardRule, path: Array<string | number>, why: string): GuardIssue => ({
    rule,
    path: ["services", at, ...path],
    message: guardMessage(rule, why),
  });
  const issues: GuardIssue[] = [];
  if (CATALOGUE.some((entry) => entry.id === service.id))
    issues.push(
      issue(
        "necessary-no-catalogue-service",
        ["category"],
        `${quote(service.id)} is a third-party service that needs consent; "necessary" runs without asking`,
      ),
    );
  if (service.hosts?.length)
    issues.push(
      issue(
        "necessary-no-hosts",
        ["hosts"],
        `a service in "necessary" runs without asking, so it may not load from other hosts`,
      ),
    );
  const names = [...(service.cookies ?? []).map((c) => c.name), ...(service.storage ?? [])];
  const tracker = names.find((name) => TRACKER_NAMES.some((known) => overlaps(name, known)));
  if (tracker)
    issues.push(
      issue(
        "necessary-no-tracking-cookies",
        [service.cookies?.some((c) => c.name === tracker) ? "cookies" : "storage"],
        `${quote(tracker)} is a tracking cookie or key, not strictly necessary`,
      ),
    );
  return issues;
}

/**
 * Every hard rule the configuration breaks (none: it may be published). The schema refuses a
 * configuration with any of them; the rules on expiry and cookie lifetimes are the schema's own
 * bounds (see `MIN_REFUSAL_DAYS`, `MAX_DECISION_DAYS`, `MAX_COOKIE_DAYS`).
 * @example configGuardIssues(config).map((i) => i.rule) // ["required-only-necessary"]
 */
export function configGuardIssues(config: GuardedConfig): GuardIssue[] {
  const issues: GuardIssue[] = [];
  const add = (rule: GuardRule, path: Array<string | number>, why: string) =>
    issues.push({ rule, path, message: guardMessage(rule, why) });

  config.categories.forEach((category, i) => {
    if (category.required === true && category.id !== NECESSARY)
      add(
        "required-only-necessary",
        ["categories", i, "required"],
        `only "necessary" can be always on; ${quote(category.id)} must be a choice the visitor can refuse`,
      );
  });

  config.services.forEach((service, i) => {
    if (service.category === NECESSARY) issues.push(...necessaryServiceIssues(service, i));
    if (service.consentModeKeys?.length && !READS_CONSENT_MODE.includes(service.id))
      add(
        "consent-mode-keys-google-only",
        ["services", i, "consentModeKeys"],
        `${quote(service.id)} does not read Google Consent Mode; only ${READS_CONSENT_MODE.join(" and ")} may have Consent Mode keys (in advanced mode they load before consent)`,
      );
  });

  const fromNecessary = config.consentMode?.categories?.[NECESSARY] ?? [];
  const granted = fromNecessary.filter((key) =>
    GATED_CONSENT_MODE_KEYS.includes(key as ConsentModeKey),
  );
  if (granted.length)
    add(
      "necessary-no-consent-mode-grant",
      ["consentMode", "categories", NECESSARY],
      `"necessary" is granted without asking, so it may not grant ${granted.join(", ")}`,
    );

  for (const { path, texts: set } of textSets(config))
    for (const [language, texts] of Object.entries(set)) {
      for (const key of CONTROL_TEXT_KEYS) {
        const problem = Object.hasOwn(texts, key) && controlTextProblem(texts[key] as string);
        if (problem) add("control-text-required", [...path, language, key], problem);
      }
      for (const [key, text] of Object.entries(texts)) {
        if (typeof text === "string" && BIDI_OVERRIDE.test(text))
          add("text-no-bidi-override", [...path, language, key], BIDI_WHY);
        // A service's policy link in a language (`service.ID.privacy`) is a link like the
        // service's own `privacyPolicyUrl`, held to the same rule.
        if (/^service\..+\.privacy$/.test(key) && !v.is(httpUrl, text))
          add(
            "text-link-url",
            [...path, language, key],
            "a service's policy link must be an http(s) URL or a path, without backslashes or control characters (browsers read `/\\host` as `//host`, another site)",
          );
      }
    }
  config.services.forEach((service, i) => {
    for (const field of ["name", "provider", "purpose"] as const) {
      const text = (service as Partial<Record<typeof field, unknown>>)[field];
      if (typeof text === "string" && BIDI_OVERRIDE.test(text))
        add("text-no-bidi-override", ["services", i, field], BIDI_WHY);
    }
  });

  if (!config.privacyPolicyUrl)
    add(
      "privacy-policy-required",
      ["privacyPolicyUrl"],
      "the banner must link the site's privacy policy",
    );
  return issues;
}

/** The valibot path of a list of keys from the root of `value`. */
export function pathItems(value: unknown, keys: ReadonlyArray<string | number>): v.IssuePathItem[] {
  let node = value as Record<string | number, unknown>;
  return keys.map((key) => {
    const input = node;
    const child = input?.[key];
    node = child as typeof node;
    return typeof key === "number"
      ? { type: "array", origin: "value", input: input as unknown as unknown[], key, value: child }
      : { type: "object", origin: "value", input, key, value: child };
  });
}

/**
 * The schema action that refuses a configuration breaking a hard guard: one issue per broken
 * rule, at the offending field, with the rule's id in its message.
 * @example v.pipe(SiteConfigShape, hardGuards())
 */
export function hardGuards<T extends GuardedConfig>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const issue of configGuardIssues(dataset.value)) {
      const [first, ...rest] = pathItems(dataset.value, issue.path);
      addIssue({ message: issue.message, path: first ? [first, ...rest] : undefined });
    }
  });
}
