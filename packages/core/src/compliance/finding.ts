/**
 * What the compliance linter reports. Unlike a hard guard (`config-guards.ts`), which no
 * configuration may break, a finding is advice with a severity: an `error` blocks publishing, a
 * `warning` publishes only once the owner acknowledges it by its rule id.
 *
 * The EDPB cookie banner taskforce's findings (January 2023), and where each is handled:
 * no reject button on the first layer: the banner always shows one, a guard keeps its label
 * visible, `reject-label-means-accept` and `reject-label-unclear` its meaning (and
 * `accept-label-*`, `manage-label-means-choice` the other buttons'); pre-ticked boxes: never
 * rendered; deceptive link design and deceptive button colours or contrast: the three choices
 * are the same element with the same class and colours, and a configuration has no setting for
 * either (a site's own CSS is outside it), and a link labelled as a choice is
 * `link-label-means-choice`; legitimate interest: `legitimate-interest-claim`; inaccurately classified
 * essential cookies: the `necessary-*` guards and rules, `necessary-looks-like-tracking` and
 * `description-claims-only-necessary`; no withdraw icon: `withdraw-page-link-only`; consent by
 * browsing on: `consent-by-continuing`. Every rule is listed in `README.md` beside this file.
 */

/** Every linter rule, by its stable id. */
export const COMPLIANCE_RULES = [
  "reject-label-means-accept",
  "reject-label-unclear",
  "reject-label-objects",
  "object-label-unclear",
  "accept-label-means-refuse",
  "accept-label-unclear",
  "manage-label-means-choice",
  "link-label-means-choice",
  "label-nudges",
  "text-pressures-refusal",
  "text-mixed-scripts",
  "consent-by-continuing",
  "text-without-words",
  "category-label-claims-necessary",
  "description-claims-only-necessary",
  "legitimate-interest-claim",
  "advanced-consent-mode",
  "consent-mode-advertising-category",
  "modal-covers-privacy-policy",
  "withdraw-page-link-only",
  "withdraw-without-reload",
  "cookie-lifetime-over-13-months",
  "cookie-lifetime-below-catalogue",
  "refusal-shorter-than-consent",
  "privacy-policy-placeholder",
  "necessary-looks-like-tracking",
  "necessary-purpose",
  "necessary-names-catalogue-service",
  "necessary-catalogue-provider",
  "necessary-cookie-over-13-months",
  "catalogue-purposes-removed",
  "catalogue-provider-changed",
  "catalogue-name-changed",
  "service-text-claims-necessary",
  "custom-service-on-catalogue-host",
  "category-purposes-required",
  "category-text-required",
  "default-language-not-spoken",
  "category-label-contradicts",
  "description-hides-advertising",
  "service-purpose-outside-category",
  "uk-exemption-not-qualifying",
  "uk-exemption-purpose",
  "uk-object-text-required",
  "us-opt-out-label",
  "exemption-without-uk-rule",
  "unknown-location-not-strictest",
  "region-needs-consent",
] as const;

/** A linter rule's id. */
export type ComplianceRule = (typeof COMPLIANCE_RULES)[number];

/** `error`: cannot be published. `warning`: published only with the owner's acknowledgement. */
export type Severity = "error" | "warning";

/** One thing the linter found in a configuration. */
export interface ComplianceFinding {
  severity: Severity;
  rule: ComplianceRule;
  /** Where, as a dotted path from the configuration's root, e.g. `texts.fr.rejectAll`. */
  field: string;
  /** Why it matters, in a sentence an owner can act on. */
  why: string;
  /** A regulator's or vendor's guidance the rule follows. */
  guidance: string;
}

/** The guidance each rule follows (regulators' and Google's own pages). */
export const GUIDANCE = {
  /** EDPB, Report of the work undertaken by the Cookie Banner Taskforce (17 January 2023). */
  edpbTaskforce:
    "https://www.edpb.europa.eu/our-work-tools/our-documents/other/report-work-undertaken-cookie-banner-taskforce_en",
  /** EDPB, Guidelines 05/2020 on consent under Regulation 2016/679 (§3.3: informed consent). */
  edpbConsent:
    "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-052020-consent-under-regulation-2016679_en",
  /**
   * EDPB, Guidelines 03/2022 on deceptive design patterns in social media platform interfaces
   * (emotional steering: wording that makes refusing feel wrong).
   */
  edpbDeceptiveDesign:
    "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-032022-deceptive-design-patterns-social-media_en",
  /** ICO, Guidance on the use of storage and access technologies. */
  ico: "https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/guidance-on-the-use-of-storage-and-access-technologies/",
  /** ICO, the exceptions to consent (what "strictly necessary" covers). */
  icoExceptions:
    "https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/guidance-on-the-use-of-storage-and-access-technologies/what-are-the-exceptions/",
  /** CNIL, guidelines and recommendation on cookies and other trackers (2020). */
  cnil: "https://www.cnil.fr/en/cookies-and-other-tracking-devices-cnil-publishes-new-guidelines",
  /**
   * ICO, the statistical purposes and appearance exceptions added to PECR regulation 6 by the
   * Data (Use and Access) Act 2025 (final guidance, 29 April 2026).
   */
  icoStatistics:
    "https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/guidance-on-the-use-of-storage-and-access-technologies/what-are-the-exceptions/",
  /** Data (Use and Access) Act 2025, section 112: amendments to PECR regulation 6. */
  duaa: "https://www.legislation.gov.uk/ukpga/2025/18/section/112",
  /**
   * California's CCPA regulations, 11 CCR § 7025: opt-out preference signals (Global Privacy
   * Control) are requests to opt out of sale and sharing.
   */
  ccpaGpc: "https://cppa.ca.gov/regulations/pdf/cppa_regs.pdf",
  /** GDPR, article 7(3): withdrawing consent must be as easy as giving it. */
  gdprWithdrawal: "https://eur-lex.europa.eu/eli/reg/2016/679/oj#art_7",
  /** Google, consent mode overview: basic and advanced implementations. */
  googleConsentMode: "https://developers.google.com/tag-platform/security/concepts/consent-mode",
} as const;
