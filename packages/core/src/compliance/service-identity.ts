import { CATALOGUE_HOSTS } from "../catalogue-hosts";
import { DEFAULT_CATEGORIES } from "../categories";
import { patternsOverlap } from "../host-match";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import type { LintedConfig } from "./linted-config";

/** The categories every site starts with: their purposes are known without being declared. */
const DEFAULT_IDS = new Set(DEFAULT_CATEGORIES.map((c) => c.id));

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
  return findings;
}
