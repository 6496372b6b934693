import type { Choice, ConsentMethod, Decision, SiteConfig, VisitorRule } from "@assent/core";

/**
 * Detail of the `assent:change` event and argument of `assent.on("change", fn)`.
 * @example
 * window.addEventListener("assent:change", (event) => {
 *   const { decision, method, withdrawn } = (event as CustomEvent<ChangeDetail>).detail;
 *   if (withdrawn.includes("google-analytics")) stopAnalytics();
 * });
 */
export interface ChangeDetail {
  /** Every configured category and service, granted (`true`) or denied (`false`). */
  decision: Decision;
  /**
   * How the decision was made: `accept-all`, `reject-all`, `custom`, `withdraw`, `gpc`, `api`,
   * `object` (an objection to a UK exemption) or `opt-out` (of sale and sharing).
   */
  method: ConsentMethod;
  /** Id of the receipt that logs this decision. */
  receiptId: string;
  /**
   * Services allowed before this change and denied now: their cookies and storage keys have
   * just been deleted.
   */
  withdrawn: string[];
}

/**
 * `window.assent`: the site's handle on the visitor's consent, installed synchronously by the
 * loader (`<script src="https://HOST/s/SITE_KEY.js">`).
 *
 * `get`, `has`, `on` and `consentId` answer at once, from the decision the loader read. The
 * methods that make a choice (`acceptAll`, `rejectAll`, `set`, `withdraw`, `object`, `optOut`)
 * need the choice module, which the loader fetches ahead wherever a choice is likely (beside the
 * banner and the preference centre); each returns a Promise that resolves once the choice is
 * applied: the cookie, Consent Mode, the gates, the `change` event and the receipt written
 * ahead. When the module is already there (after the banner or the preference centre has been
 * shown, or after an earlier choice on the page) all of that is done before the call returns;
 * otherwise it is done as soon as the module arrives, and until then `get()` and `has()` keep
 * answering with the decision that holds. Choices apply in the order they were made.
 * @example
 * if (window.assent.has("analytics")) startAnalytics();
 * window.assent.on("change", ({ decision }) => console.log(decision));
 * await window.assent.acceptAll(); // window.assent.has("analytics") === true from here
 */
export interface AssentApi {
  /**
   * The current decision, or `null` while the visitor has not decided (or must decide again
   * after a policy-version bump or expiry).
   * @example window.assent.get()?.categories.analytics // true | false | undefined
   */
  get(): Decision | null;
  /**
   * Whether a category or a service is allowed. A service's own setting wins over its
   * category; `necessary` always is allowed; anything else is denied until decided.
   * @example window.assent.has("youtube")
   */
  has(categoryOrService: string): boolean;
  /**
   * Calls `fn` after every change of decision; returns a function that stops it. What `fn`
   * throws is reported (`reportError`) and stops neither the other listeners nor the choice.
   * @example const stop = window.assent.on("change", ({ method }) => console.log(method));
   */
  on(event: "change", fn: (detail: ChangeDetail) => void): () => void;
  /**
   * Opens the preference centre (loading the UI chunk if it is not loaded yet).
   * @example document.querySelector("#cookie-settings")?.addEventListener("click", () => window.assent.show());
   */
  show(): Promise<void>;
  /**
   * Grants everything, as the banner's "Accept all" does (what has an `advertising` or
   * `sale-or-share` purpose stays denied when the browser sends Global Privacy Control).
   * Resolves once applied (see above).
   * @example await window.assent.acceptAll()
   */
  acceptAll(): Promise<void>;
  /**
   * Denies everything but `necessary`, as the banner's "Reject all" does. Resolves once applied.
   * @example await window.assent.rejectAll()
   */
  rejectAll(): Promise<void>;
  /**
   * Sets a decision from the site's own controls (logged with method `api`); categories not
   * named are denied, services not named follow their category. Resolves once applied. Rejects,
   * storing nothing, with a `TypeError` for anything but `true`/`false` values in objects, or a
   * `RangeError` for an id this site does not have; the message names it.
   * @example await window.assent.set({ categories: { analytics: true }, services: { youtube: true } })
   */
  set(choice: Choice): Promise<void>;
  /**
   * Withdraws consent: everything but `necessary` denied, the withdrawn services' cookies and
   * storage deleted, logged as a withdrawal (a new receipt; the old one is kept). Resolves once
   * applied.
   * @example await window.assent.withdraw()
   */
  withdraw(): Promise<void>;
  /**
   * Objects to what a UK exemption runs without consent (statistics, appearance), as the banner's
   * "Object" does: those categories stop, their cookies and storage are deleted, and the
   * objection is logged (method `object`). Nothing on a site with no category claiming one.
   * Resolves once applied.
   * @example document.querySelector("#object")?.addEventListener("click", () => window.assent.object());
   */
  object(): Promise<void>;
  /**
   * Opts out of the sale and sharing of personal information, as the "Your Privacy Choices"
   * page does: everything with an `advertising` or `sale-or-share` purpose stops, logged
   * (method `opt-out`). Resolves once applied.
   * @example document.querySelector("#do-not-sell")?.addEventListener("click", () => window.assent.optOut());
   */
  optOut(): Promise<void>;
  /**
   * Applies the decision to gated content added since the page was parsed: a single-page app
   * calls it after rendering a view with `type="text/plain"` scripts, `data-src` iframes or the
   * like. What is allowed loads (each script once, in document order), a held-back iframe gets
   * its placeholder; what was handled before is left as it is. (Pages served
   * `/s/SITE_KEY.js?autoblock` need not: auto-blocking sees every insertion.) The document only:
   * gated markup inside a shadow root is not gated.
   * @example router.afterEach(() => window.assent?.apply());
   */
  apply(): void;
  /**
   * The visitor's pseudonymous consent id, to quote in an access or erasure request; `null`
   * before the first decision.
   * @example window.assent.consentId() // "Vh3k...22 characters"
   */
  consentId(): string | null;
}

/** What the loader hands to the UI chunk. */
export interface UiHost {
  /** The config inlined in the loader (the services' descriptions are fetched when shown). */
  config: SiteConfig;
  /** Hash of the published config; the receipts name it. */
  configHash: string;
  /** Origin of the Assent API. */
  api: string;
  /** The language the banner is shown in, and its receipts record (`bannerLanguage`). */
  language: string;
  /**
   * Set by the UI as each layer shows: the language the visitor actually reads there (English
   * where theirs could not be loaded, the banner's and the preference centre's each on its own),
   * which the receipts then record instead.
   */
  languageShown?: string;
  /**
   * Whether the browser sends Global Privacy Control: what advertises or sells (`gpcRefuses`) is
   * then denied unless the visitor turns it on in the preference centre (the UI says the signal
   * was honoured).
   */
  gpc: boolean;
  /**
   * The decision to pre-fill: the current one, or `null` while the visitor must decide. A
   * superseded (policy-version bump) or expired decision never pre-ticks anything.
   */
  decision(): Decision | null;
  /**
   * What holds now: the visitor's decision, else what their rule runs before a choice (a UK
   * exemption's categories, an opt-out rule's), else `null`. The preference centre pre-fills it:
   * a switch that is on is something running.
   */
  holding(): Decision | null;
  /** The rule the server chose for the visitor (`boot.rule`), when the site has rules. */
  rule?: VisitorRule | undefined;
  /** The visitor chose before, but that choice no longer holds: the banner says why it asks. */
  reconsent: boolean;
  consentId(): string | null;
  /** The nonce of the loader's script tag, for the `<style>` fallback on a strict CSP page. */
  nonce?: string;
  /** Records a choice; resolves once applied (at once when the choice module is there). */
  choose(
    method: Extract<ConsentMethod, "accept-all" | "reject-all" | "custom" | "object" | "opt-out">,
    choice?: Choice,
  ): Promise<void>;
}

/** What the UI chunk returns to the loader. */
export interface UiHandle {
  /** Shows a layer; settles once it is in the document (or could not be shown). */
  open(view: "banner" | "preferences"): Promise<void>;
  close(): void;
}

/** The UI chunk's module shape. */
export interface UiModule {
  mount(host: UiHost): UiHandle;
}

// Only `window.assent` is declared for sites: what else the loader reads on `window` is its own
// business (`loader/page-globals.ts`), and must not clash with a site's own declarations.
declare global {
  interface Window {
    assent?: AssentApi;
  }
}
