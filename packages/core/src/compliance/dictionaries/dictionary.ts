/**
 * Phrases that make a banner's wording deceptive, per language, matched case- and
 * accent-insensitively as whole words. Every language the banner speaks has its entry; English
 * is checked in every language too, as sites often paste English into another language's texts.
 */
export interface WordingDictionary {
  /** Labels that mean yes: a reject button labelled with one of these accepts in the visitor's eyes. */
  acceptLabels: readonly string[];
  /** Labels that mean no: an accept button labelled with one of these refuses in the visitor's eyes. */
  refuseLabels: readonly string[];
  /** Labels that close or dismiss: an accept button labelled so accepts by closing the banner. */
  closeLabels: readonly string[];
  /**
   * Words that limit a choice to what needs no consent ("only", "without"): a reject button
   * may mention accepting with one of them ("Continue without accepting", "Accept only
   * necessary cookies").
   */
  limiters: readonly string[];
  /** Consent implied by browsing ("by continuing to use this site you consent"). */
  impliedConsent: readonly string[];
  /** Claims that something is strictly necessary and cannot be refused. */
  necessaryClaims: readonly string[];
  /** Legitimate interest as a ground for cookies. */
  legitimateInterest: readonly string[];
}
