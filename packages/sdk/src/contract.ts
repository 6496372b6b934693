import type { Choice, ConsentMethod, Decision, LoaderBoot, SiteConfig } from "@assent/core";

/** Detail of the `assent:change` event and argument of `assent.on("change", fn)`. */
export interface ChangeDetail {
  decision: Decision;
  method: ConsentMethod;
  /** Id of the receipt that logs this decision. */
  receiptId: string;
  /**
   * Services allowed before this change and denied now: their cookies and storage keys have just
   * been deleted.
   */
  withdrawn: string[];
}

/**
 * `window.assent`: the site's handle on the visitor's consent.
 * @example
 * if (window.assent.has("analytics")) startAnalytics();
 * window.assent.on("change", ({ decision }) => console.log(decision));
 */
export interface AssentApi {
  /** The current decision, or `null` while the visitor has not decided. */
  get(): Decision | null;
  /** Whether a category or a service is allowed. `necessary` always is. */
  has(categoryOrService: string): boolean;
  /** Calls `fn` after every change of decision; returns a function that stops it. */
  on(event: "change", fn: (detail: ChangeDetail) => void): () => void;
  /** Opens the preference centre. */
  show(): Promise<void>;
  /** Grants everything, as the banner's "Accept all" does. */
  acceptAll(): void;
  /** Denies everything but `necessary`, as the banner's "Reject all" does. */
  rejectAll(): void;
  /** Sets a custom decision; anything not named is denied. */
  set(choice: Choice): void;
  /** Withdraws consent: everything but `necessary` denied, logged as a withdrawal. */
  withdraw(): void;
  /** The visitor's pseudonymous consent id (to quote in an access or erasure request). */
  consentId(): string | null;
}

/** What the loader hands to the UI chunk. */
export interface UiHost {
  config: SiteConfig;
  language: string;
  /**
   * Whether the browser sends Global Privacy Control: marketing is then denied unless the visitor
   * turns it on in the preference centre (the UI says the signal was honoured).
   */
  gpc?: boolean;

  /** The decision to pre-fill: the current one, or the last one when asking again. */
  decision(): Decision | null;
  consentId(): string | null;
  choose(
    method: Extract<ConsentMethod, "accept-all" | "reject-all" | "custom">,
    choice?: Choice,
  ): void;
}

/** What the UI chunk returns to the loader. */
export interface UiHandle {
  open(view: "banner" | "preferences"): void;
  close(): void;
}

/** The UI chunk's module shape. */
export interface UiModule {
  mount(host: UiHost): UiHandle;
}

declare global {
  interface Window {
    __assent_boot?: LoaderBoot;
    assent?: AssentApi;
    dataLayer?: unknown[];
    fbq?: (...args: unknown[]) => void;
  }
}
