import { CATALOGUE_HOSTS } from "../catalogue-hosts";
import { DEFAULT_CATEGORIES, NECESSARY } from "../categories";
import { patternsOverlap } from "../host-match";
import { DEFAULT_LANGUAGE } from "../languages";
import type { Purpose } from "../purposes";
import { catalogueEntry } from "../services";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import type { LintedConfig } from "./linted-config";

/** The categories every site starts with: their purposes are known without being declared. */
const DEFAULT_IDS = new Set(DEFAULT_CATEGORIES.map((c) => c.id));

/**
 * What a visitor consents to when they allow a built-in category, as its built-in label and
 * description tell them ("Preferences: remembering settings such as language or region",
 * "Analytics: counting visits", "Embedded content and social media: videos, photos and share
 * buttons"), whatever purposes the site declares for it: each covers at least its
 * `DEFAULT_CATEGORY_PURPOSES` (what GPC reads when it declares none). `necessary` has rules of
 * its own.
 */
export const BUILT_IN_CATEGORY_COVERS: Readonly<Record<string, readonly Purpose[]>> = {
  preferences: ["functional", "personalisation"],
  analytics: ["functional", "analytics"],
  embeds: ["functional", "personalisation"],
  marketing: ["functional", "personalisation", "analytics", "advertising", "sale-or-share"],
};

/**
 * What keeps a service recognisable as what it is, so that the rules for it apply:
 *
 * - A service loading from a catalogue service's hosts under another id ("fb" from
 *   `connect.facebook.net`) would escape what the catalogue knows of that service: its
 *   purposes (which Global Privacy Control and Consent Mode follow), whether it qualifies for a
 *   UK exemption, the cookies withdrawal deletes. It must be listed under the catalogue's id
 *   (`custom-service-on-catalogue-host`).
 * - A category of the site's own that holds services must declare what it is for (`purposes`):
 *   a category declaring nothing counts for nothing, and what it holds would run under an
 *   opt-out rule's Global Privacy Control (`category-purposes-required`).
 * - A service is filed under a category for what it does: allowing "Preferences" must not allow
 *   an advertising pixel, nor "Analytics" an ad network, as the visitor did not consent to
 *   that (consent is specific and informed). A service's purposes (its own list, else the
 *   catalogue's) must be ones its category covers: a built-in category's by its built-in label
 *   (`BUILT_IN_CATEGORY_COVERS`), a site's own by the purposes it declares; `functional` fits
 *   any, and one for `advertising` covers `sale-or-share` (`service-purpose-outside-category`).
 */
export function serviceIdentityFindings(config: LintedConfig): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  config.services.forEach((service, i) => {
    for (const [j, host] of (service.hosts ?? []).entries()) {
      const owners = Object.keys(CATALOGUE_HOSTS).filter((id) =>
        (CATALOGUE_HOSTS[id] ?? []).some((known) => patternsOverlap(host, known)),
      );
      if (!owners.length || owners.includes(service.id)) continue;
      findings.push({
        severity: "error",
        rule: "custom-service-on-catalogue-host",
        field: `services.${i}.hosts.${j}`,
        why: `"${service.id}" loads from ${host}, where ${owners.map((o) => `"${o}"`).join(" or ")} loads from: list it as "${owners[0]}", so that it keeps the purposes, the UK qualification and the cookies Assent knows for it.`,
        guidance: GUIDANCE.edpbTaskforce,
      });
      break;
    }
  });
  config.services.forEach((service, i) => {
    if (service.category === NECESSARY) return;
    const category = config.categories.find((c) => c.id === service.category);
    const covers = BUILT_IN_CATEGORY_COVERS[service.category] ?? category?.purposes;
    // A site's own category declaring nothing is `category-purposes-required`'s.
    if (!covers?.length) return;
    const purposes = service.purposes ?? catalogueEntry(service.id)?.purposes ?? [];
    // Sharing for advertising is what a visitor allowing advertising agrees to: `sale-or-share`
    // is its name under California's law (and GPC's), not another use.
    // Embedded content "from other sites, which may track you" (the built-in description) covers
    // a social network's buttons and posts, whose network shares what it learns: content shown
    // (`functional`) with `sale-or-share`, not sharing alone (a data broker).
    const embedded = service.category === "embeds" && purposes.includes("functional");
    const covered = (p: Purpose) =>
      p === "functional" ||
      covers.includes(p) ||
      (p === "sale-or-share" && (covers.includes("advertising") || embedded));
    const outside = purposes.filter((p) => !covered(p as Purpose)).join(" and ");
    if (!outside) return;
    // A built-in category to suggest: marketing for advertising, else analytics for analytics.
    const builtIn = /advertising|sale-or-share/.test(outside)
      ? "marketing"
      : /analytics/.test(outside)
        ? "analytics"
        : "";
    findings.push({
      severity: "error",
      rule: "service-purpose-outside-category",
      field: `services.${i}.category`,
      why: `"${service.id}" is used for ${outside}, which "${service.category}" is not for: a visitor allowing it would not be consenting to that. File it under a category for ${outside}${builtIn ? ` (such as "${builtIn}")` : ""}.`,
      guidance: GUIDANCE.edpbTaskforce,
    });
  });
  config.categories.forEach((category, i) => {
    if (DEFAULT_IDS.has(category.id) || category.purposes?.length) return;
    const held = config.services.filter((s) => s.category === category.id).map((s) => s.id);
    if (held.length)
      findings.push({
        severity: "error",
        rule: "category-purposes-required",
        field: `categories.${i}.purposes`,
        why: `"${category.id}" holds ${held.map((id) => `"${id}"`).join(", ")} but does not say what it is for: declare its purposes (advertising, sale-or-share, analytics, personalisation, functional), which Global Privacy Control and Consent Mode follow.`,
        guidance: GUIDANCE.ccpaGpc,
      });
  });
  findings.push(...categoryTextFindings(config));
  return findings;
}

/**
 * A site's own category without a label and a description in the site's default language
 * (`texts.<defaultLanguage>["category.<id>"]` and `["category.<id>.description"]`): no built-in
 * text names it, so the banner would show its bare id ("chat") and say nothing of what it is
 * for. The SDK shows these default-language texts in any language the site wrote none in.
 */
function categoryTextFindings(config: LintedConfig): ComplianceFinding[] {
  const language = config.defaultLanguage ?? DEFAULT_LANGUAGE;
  const texts = config.texts[language] ?? {};
  return config.categories.flatMap((category) =>
    DEFAULT_IDS.has(category.id)
      ? []
      : [`category.${category.id}`, `category.${category.id}.description`]
          .filter((key) => !texts[key]?.trim())
          .map((key) => ({
            severity: "error" as const,
            rule: "category-text-required" as const,
            field: `texts.${language}.${key}`,
            why: `"${category.id}" is a category of the site's own: give it a ${key.endsWith(".description") ? "description" : "label"} in ${language}, or visitors are asked to consent to "${category.id}" without being told what it is.`,
            guidance: GUIDANCE.edpbTaskforce,
          })),
  );
}
