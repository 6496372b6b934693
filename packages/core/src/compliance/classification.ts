import { CATALOGUE } from "../catalogue";
import { NECESSARY } from "../categories";
import { MAX_DECISION_DAYS } from "../config-guards";
import { GPC_PURPOSES } from "../purposes";
import { catalogueEntry } from "../services";
import { type ComplianceFinding, GUIDANCE } from "./finding";
import { phraseIn, words } from "./label-reading";
import type { LintedConfig } from "./linted-config";
import { mentions, normalize } from "./text-match";

/**
 * Who the catalogue's trackers come from, as a site may name them: every provider ("Google",
 * "Meta", "X Corp.") and every service's name or the part of it in brackets ("Facebook",
 * "Twitter"), as words; names shorter than three letters ("X") are left out.
 */
const TRACKER_PROVIDERS: readonly string[][] = [
  ...new Set(
    CATALOGUE.flatMap((entry) => [entry.provider, ...entry.name.split(/[()]/)])
      .map((name) => words(name).join(" "))
      .filter((name) => name.replace(/\s/g, "").length >= 3),
  ),
].map((name) => name.split(" "));

/** The catalogue provider a site's own provider names ("Google Ireland Ltd": "google"), if any. */
export function trackerProvider(provider: string): string | undefined {
  return phraseIn(provider, TRACKER_PROVIDERS)?.join(" ");
}

/**
 * Words that say a service tracks, advertises or profiles, in the languages the banner speaks
 * most (matched as word starts, accents ignored): never a strictly necessary purpose, so a
 * `necessary` service described with one cannot be published.
 */
const TRACKING = [
  "advertis",
  "marketing",
  "tracking",
  "tracker",
  "pixel",
  "remarketing",
  "retargeting",
  "audience",
  "profil",
  "ad network",
  "session replay",
  "session recording",
  "screen recording",
  "heatmap",
  "heat map",
  "cross-site",
  "interest-based",
  // German, French, Spanish, Italian, Dutch.
  "werbung",
  "werbe",
  "zielgruppe",
  "reichweitenmessung",
  "wiedererkennung",
  "publicit",
  "ciblage",
  "mesure d'audience",
  "publicidad",
  "seguimiento",
  "pubblicit",
  "profilazione",
  "tracciamento",
  "advertentie",
  "reclame",
];

/**
 * Words that often describe tracking but may describe something the site needs (its own
 * statistics, a remembered setting): a `necessary` service described with one needs the
 * owner's acknowledgement.
 */
const LIKE_TRACKING = [
  "analytics",
  "statistic",
  "personalis",
  "personaliz",
  "social media",
  "a/b test",
  "ads",
  "behaviour",
  "behavior",
  "besucherzahl",
  "besucherstatistik",
  "statistik",
  "statistique",
  "estadistic",
  "statistich",
];

/**
 * Vendors of advertising and audience tags the catalogue does not list, as a site may name
 * them: they use what their tags collect for their own purposes, so a service of theirs is never
 * strictly necessary nor exempt in the UK.
 */
const AD_VENDORS: readonly string[][] = [
  "Alphabet",
  "ByteDance",
  "TikTok",
  "Criteo",
  "Pinterest",
  "Snap Inc",
  "Snapchat",
  "Taboola",
  "Outbrain",
  "Yandex",
  "Baidu",
  "Quantcast",
  "Amazon Advertising",
  "Reddit",
].map((name) => words(name));

/**
 * Vendors of analytics tags the catalogue does not list: a service of theirs is never strictly
 * necessary (it may still qualify for the UK statistics exemption, as the site's processor).
 */
const ANALYTICS_VENDORS: readonly string[][] = [
  "Matomo",
  "Piwik",
  "Mixpanel",
  "Amplitude",
  "Segment",
  "FullStory",
  "Mouseflow",
  "Crazy Egg",
  "Lucky Orange",
  "Adobe Analytics",
  "HubSpot",
].map((name) => words(name));

const TRACKER_VENDORS = [...AD_VENDORS, ...ANALYTICS_VENDORS];

/** The advertising vendor beyond the catalogue a provider or name names ("ByteDance Ltd"), if any. */
export function adVendor(text: string): string | undefined {
  return phraseIn(text, AD_VENDORS)?.join(" ");
}

/** The tag vendor beyond the catalogue a provider or name names ("TikTok Pte. Ltd."), if any. */
function trackerVendor(text: string): string | undefined {
  return phraseIn(text, TRACKER_VENDORS)?.join(" ");
}

/**
 * A catalogue service whose purposes, as the site lists them, leave out the advertising or
 * sale-or-share the catalogue knows it for: Global Privacy Control and Consent Mode's
 * advertising keys follow those purposes, so dropping them would let an opted-out visitor's
 * data go to an ad network. A site may add purposes, never remove these.
 */
export function cataloguePurposeFindings(config: LintedConfig): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  config.services.forEach((service, i) => {
    if (!service.purposes) return;
    const dropped = (catalogueEntry(service.id)?.purposes ?? []).filter(
      (p) => GPC_PURPOSES.includes(p) && !service.purposes?.includes(p),
    );
    if (dropped.length)
      findings.push({
        severity: "error",
        rule: "catalogue-purposes-removed",
        field: `services.${i}.purposes`,
        why: `"${service.id}" is used for ${dropped.join(" and ")}: its purposes must say so, or Global Privacy Control would not opt visitors out of it.`,
        guidance: GUIDANCE.ccpaGpc,
      });
  });
  return findings;
}

/**
 * A site's own service filed under "necessary" that is not: one declaring a purpose other than
 * `functional`, named like a catalogue service ("YouTube", "Hotjar") under an id of its own,
 * provided by a catalogue tracker's provider ("GA4" by Google), or setting a cookie for more than
 * 13 months, cannot be published; one whose name, provider or purpose describes tracking needs
 * the owner's acknowledgement. (Catalogue ids are refused there by the hard guards.)
 */
export function classificationFindings(config: LintedConfig): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  config.services.forEach((service, i) => {
    if (service.category !== NECESSARY) return;
    const purposes = (service.purposes ?? []).filter((p) => p !== "functional");
    if (purposes.length)
      findings.push({
        severity: "error",
        rule: "necessary-purpose",
        field: `services.${i}.purposes`,
        why: `"${service.id}" is filed as strictly necessary but declares ${purposes.join(", ")}: only what the visitor's requested service cannot work without runs without consent.`,
        guidance: GUIDANCE.icoExceptions,
      });
    const name = normalize(service.name ?? "");
    const known = CATALOGUE.find((entry) => normalize(entry.name) === name);
    if (known)
      findings.push({
        severity: "error",
        rule: "necessary-names-catalogue-service",
        field: `services.${i}.category`,
        why: `"${service.id}" is named ${known.name}, a third-party service that needs consent: list it as "${known.id}" under a category the visitor can refuse.`,
        guidance: GUIDANCE.icoExceptions,
      });
    const provider = trackerProvider(service.provider ?? "");
    const vendor =
      provider || known
        ? undefined
        : trackerVendor(`${service.provider ?? ""} | ${service.name ?? ""}`);
    if ((provider || vendor) && !known)
      findings.push({
        severity: "error",
        rule: "necessary-catalogue-provider",
        field: service.provider !== undefined ? `services.${i}.provider` : `services.${i}.name`,
        why: provider
          ? `"${service.id}" is filed as strictly necessary but comes from ${service.provider}, whose tags in the catalogue all need consent: list the catalogue's service, or file it under a category the visitor can refuse.`
          : `"${service.id}" is filed as strictly necessary but comes from ${vendor}, a vendor of advertising, audience or analytics tags: file it under a category the visitor can refuse.`,
        guidance: GUIDANCE.icoExceptions,
      });
    (service.cookies ?? []).forEach((cookie, j) => {
      if (cookie.days > MAX_DECISION_DAYS)
        findings.push({
          severity: "error",
          rule: "necessary-cookie-over-13-months",
          field: `services.${i}.cookies.${j}.days`,
          why: `"${service.id}" is filed as strictly necessary but sets "${cookie.name}" for ${cookie.days} days: what is strictly necessary lasts no longer than the visit needs, and never more than 13 months (${MAX_DECISION_DAYS} days); a cookie that long is remembering the visitor for another purpose.`,
          guidance: GUIDANCE.cnil,
        });
    });
    const described = normalize(
      [service.id.replace(/-/g, " "), service.name, service.provider, service.purpose]
        .filter(Boolean)
        .join(" | "),
    );
    const tracking = TRACKING.find((w) => mentions(described, w));
    const word = tracking ?? LIKE_TRACKING.find((w) => mentions(described, w));
    if (word && !known && !provider && !vendor && !purposes.length)
      findings.push({
        severity: tracking ? "error" : "warning",
        rule: "necessary-looks-like-tracking",
        field: `services.${i}.category`,
        why: `"${service.id}" is filed as strictly necessary but is described with "${word}": only what the visitor's requested service cannot work without is exempt from consent.`,
        guidance: GUIDANCE.icoExceptions,
      });
  });
  return findings;
}
