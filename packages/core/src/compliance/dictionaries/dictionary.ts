/**
 * Phrases that say what a banner's controls do and what its texts claim, per language, matched
 * case- and accent-insensitively, blind to invisible characters and look-alike letters. Every
 * language the banner speaks has its entry; English is checked in every language too, as sites
 * often paste English into another language's texts. Labels are matched as whole words (list
 * the inflected forms a label uses: "accepting" beside "accept"); the other kinds as the start
 * of words ("necessari" matches "necessario" and "necessarie").
 */
export interface WordingDictionary {
  /** Labels that mean yes: a reject button labelled with one of these accepts in the visitor's eyes. */
  acceptLabels: readonly string[];
  /** Labels that mean no: an accept button labelled with one of these refuses in the visitor's eyes. */
  refuseLabels: readonly string[];
  /**
   * Labels that object (a subset of `refuseLabels`): where the UK exemptions run statistics
   * before a choice, "Object" stops them and "Reject all" does not, so `rejectAll` must not say
   * it objects.
   */
  objectLabels: readonly string[];
  /** Labels that close or dismiss: an accept button labelled so accepts by closing the banner. */
  closeLabels: readonly string[];
  /** Labels that open the settings ("Manage preferences", "More options"): never what accepts or refuses. */
  manageLabels: readonly string[];
  /** Labels that store the visitor's own choices ("Save", "Confirm"): what the save button may say. */
  saveLabels: readonly string[];
  /** What the visitor picked ("selected", "my choices"): "Accept selected" accepts no more than that. */
  selection: readonly string[];
  /**
   * Words that narrow an acceptance ("only"): "Accept only necessary cookies" says no to the
   * rest, "Accept only analytics and marketing" and "Only accept all" do not.
   */
  limiters: readonly string[];
  /** Words that undo an acceptance right after them ("without", "don't"): "Continue without accepting". */
  negators: readonly string[];
  /** Consent implied by browsing ("by continuing to use this site you consent"). */
  impliedConsent: readonly string[];
  /** Claims that something is strictly necessary and cannot be refused. */
  necessaryClaims: readonly string[];
  /** Claims that the site uses nothing but what is necessary ("only essential cookies", "no tracking"). */
  onlyNecessaryClaims: readonly string[];
  /**
   * Words that make such a claim a condition ("until you choose", "unless you allow it"): "Until
   * you choose, only essential cookies are used" is true of a banner that asks first. Matched as
   * whole words.
   */
  conditions: readonly string[];
  /** Legitimate interest as a ground for cookies. */
  legitimateInterest: readonly string[];
  /**
   * Words that name advertising ("advertising", "ads", "marketing", "Werbung"), matched as the
   * start of words: what a first layer must say where the site lists a service used for it, and
   * the words of the built-in marketing category.
   */
  advertising: readonly string[];
  /**
   * Words that make refusing feel like a fault or a loss, wherever they stand (a text or a
   * choice's label): doubt ("are you sure"), loss ("you will miss out"), guilt ("keep this site
   * free", "support us", "we rely on advertising"), pleading ("please reconsider"). Matched as
   * the start of words.
   */
  pressure: readonly string[];
  /**
   * Words claiming that the site, or parts of it, stop working ("stop working", "may not work
   * properly", "nicht mehr funktionieren"): pressure when said of what a visitor may refuse, a
   * fact when said of necessary cookies or of content from other sites. Matched as whole words
   * (list the inflected forms: "no funciona" must not match "no funcionales").
   */
  breakage: readonly string[];
  /**
   * Words naming content from other sites (videos, maps, posts, "embedded"): that it does not
   * load until allowed is a fact, not pressure; and the built-in embeds category's words.
   * Matched as the start of words.
   */
  embeddedContent: readonly string[];
  /**
   * Words on a choice's label that push one answer: a badge for it ("recommended"), a promise
   * only it keeps ("best experience"), or shame for the other ("I prefer a broken site").
   * Matched as the start of words.
   */
  nudges: readonly string[];
}
