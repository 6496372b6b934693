import {
  allowsElement,
  type Choice,
  type ConsentMethod,
  type ConsentRecord,
  decodeConsentCookie,
  isAllowed,
  isCurrent,
  type LoaderBoot,
  readCookie,
  reconcile,
} from "@assent/core";
import type { AssentApi, UiHandle, UiModule } from "../contract";
import { bannerLanguage, languageFile } from "../languages";
import { PENDING_COOKIE } from "../transport/outbox-keys";
import { pageShowsOpener } from "../ui/floating-button";
import { allowsIn } from "./allows";
import { autoblock } from "./autoblock";
import type * as ChoiceModule from "./choice";
import { CHOICE, EMBED_PLACEHOLDER, FLOATING_BUTTON, OUTBOX } from "./chunks";
import { leftBehind } from "./clear-storage";
import { pushConsentDefault, pushConsentUpdate } from "./consent-mode";
import { COOKIE_NAME } from "./consent-store";
import { gateEmbeds } from "./gate-embeds";
import { activateScripts, ran } from "./gate-scripts";
import { type ImportModule, importModule, onDemand } from "./on-demand";
import { afterFrame, gpcSignal, onOpenerClick, report, whenReady } from "./page";
import type { Session } from "./session";
import "./page-globals";

/** What `start` may be given instead of the browser's own facilities (tests, embedders). */
export interface StartOptions {
  /** Imports the UI chunk and the other modules; defaults to a dynamic `import()`. */
  importUi?: ImportModule;
  /** Stops scripts and iframes from known third-party hosts that were not marked up. */
  autoblock?: boolean;
}

/**
 * Starts Assent on a page: Consent Mode's defaults (and auto-blocking's hold) in the loader's own
 * task, `window.assent` returned; then, once the stored decision is read (asynchronously through
 * the Cookie Store API where there is one, at once otherwise, and at once whenever the page asks
 * for it sooner), the decision reconciled, Consent Mode's `update` for a returning visitor, the
 * gates, the banner loaded only when a decision is needed. What only a choice needs (deciding, the cookie,
 * the receipt, clearing a withdrawn service's cookies) is the choice module (`choice.ts`),
 * imported when a choice is made and fetched ahead beside the banner and the preference centre.
 * The pieces: `session` (the state the UI and the modules imported later are handed), `allows`
 * (what a decision lets run), `on-demand` (those modules), `page` (readiness, the site's own
 * openers).
 */
export function start(boot: LoaderBoot, options: StartOptions = {}): AssentApi {
  const { config, rule } = boot;
  const load = options.importUi ?? importModule;
  const chunk = onDemand(load, boot.ui);
  // Read when first needed (a placeholder, the banner, a receipt), not in the loader's own task.
  let pageLang: string | undefined;
  // The header counts too: a private, located loader carries it (`boot.gpc`).
  const gpc = gpcSignal() || !!boot.gpc;
  const optOutRule = rule?.model === "opt-out";
  // On a first visit the banner comes first: what can follow it (the embeds' placeholders, the
  // choice module) waits until it has had its frame, so it is never on the way to the banner.
  let afterBanner: (() => void)[] | null = null;
  const later = (fn: () => void) => (afterBanner ? afterBanner.push(fn) : fn());
  // The page's cookies as `settle` read them, once it has (what a denied service left behind is
  // looked for in them).
  let cookies: string | undefined;

  /** The decision a stored record holds: reconciled with the config, `null` once superseded. */
  const holds = (record: ConsentRecord | null) =>
    record && isCurrent(record, config, Date.now())
      ? reconcile(record.decision, config, record.follows)
      : null;

  let choiceModule: typeof ChoiceModule | undefined;
  let choiceLoading: Promise<typeof ChoiceModule> | undefined;
  /** Imports the choice module (once, again after a failure); fetched ahead where likely. */
  const choices = () =>
    (choiceLoading ??= load(new URL(CHOICE, boot.ui).href).then(
      (mod) => (choiceModule = mod as typeof ChoiceModule),
      (err) => {
        choiceLoading = undefined;
        throw err;
      },
    ));
  const prefetchChoices = () => void choices().catch(() => {});
  /**
   * Records a choice and applies it: before this returns when the choice module is there (an
   * async function runs up to its first `await`, which a loaded module skips), else as soon as
   * it is, in call order (each waits on the same import).
   */
  const choose = async (method: ConsentMethod, choice?: Choice): Promise<void> => {
    known();
    return (choiceModule ?? (await choices())).choose(s, method, choice);
  };

  // What `settle` sets (the decision read) and `loadUi` (the UI) is left out here: nothing reads
  // it before (every reader goes through `known()`, or is the UI, mounted after `settle`).
  const unsettled: Omit<Session, "before" | "record" | "current" | "reconsent" | "ui"> = {
    config,
    configHash: boot.configHash,
    api: boot.api,
    // One resolver: the language the banner is shown in is the one its receipt records.
    get language() {
      pageLang ??= bannerLanguage(config.defaultLanguage);
      return pageLang;
    },
    gpc,
    rule,
    decision: () => s.current,
    holding: () => s.current ?? s.before,
    consentId: () => known().record?.subjectId ?? null,
    // Empty where there is none: the UI sets a nonce only when there is one.
    nonce: (document.currentScript as HTMLScriptElement | null)?.nonce,
    choose,
    // The site's services, then the catalogue's the site does not list (inlined by the server).
    services: [...config.services, ...boot.traces],
    listeners: new Set(),
    allows: (category, service) =>
      allowsIn(config, s.services, known().holding())(category, service),
    ran,
    placehold: (frame, service) =>
      later(() => chunk(EMBED_PLACEHOLDER, "placehold", frame, s, service)),
    gate: () => {
      void activateScripts(s.allows);
      gateEmbeds(s);
      window.fbq?.("consent", s.allows("marketing", "meta-pixel") ? "grant" : "revoke");
    },
    /**
     * Brings the page in line with the decision (auto-blocking calls it for what it holds). What
     * a denied service left behind (a tag still running in a tab that has not heard of a
     * withdrawal, one the site did not mark up) is looked for here, in the cookies read with the decision, and in `localStorage` only for a
     * visitor who chose before (a first visitor's choice clears what its denied services left),
     * and deleted by the choice module.
     */
    release: () => {
      s.gate();
      // Denied by the decision itself: in advanced Consent Mode Google's tags load whatever it
      // says, but without consent they may not keep cookies.
      const denied = s.services.filter((x) => !allowsElement(s.holding(), x.category, x.id));
      if (leftBehind(denied, cookies as string, !!s.record)) chunk(CHOICE, "clearServices", denied);
    },
    update: (decision) => pushConsentUpdate(decision, boot.consentMode, gpc, s.services),
    /**
     * Withdrawing is as easy as consenting: once there is a decision to withdraw, the floating
     * button is there unless the site turned it off and the page shows its own way back (a
     * visible `data-assent-open`; under an opt-out rule, its own Your Privacy Choices link), in
     * which case its module is not even fetched. Looked for once the parsed page has had its
     * first frame: whether the page's own link is visible is then known without forcing a layout.
     */
    floatingButton: () =>
      whenReady(() =>
        afterFrame(() => {
          if (config.ui?.floatingButton || !pageShowsOpener(optOutRule))
            chunk(FLOATING_BUTTON, "offerFloatingButton", s, show);
        }),
      ),
    flush: (unsaved) => chunk(OUTBOX, "flush", boot.api, { unsaved }),
  };
  const s = unsettled as Session;

  /**
   * Imports the UI chunk (once) and mounts it at once: the UI needs nothing of the page parsed,
   * so the banner can be in the page's first frames, however long the rest takes to parse.
   */
  const loadUi = (): Promise<UiHandle> => {
    s.ui ??= load(boot.ui).then((mod) => (mod as UiModule).mount(s));
    // The import's own error names the file that could not be loaded.
    s.ui.catch((err) => {
      report(err);
      s.ui = null;
    });
    return s.ui;
  };
  const show = () => {
    known();
    prefetchChoices();
    return loadUi().then((handle) => handle.open("preferences"));
  };

  /**
   * Everything that depends on the stored decision, once it is read (`pageCookies`: the page's
   * cookies), exactly once: the decision reconciled with the config, then the banner (requested
   * first) or Consent Mode's `update`, the gates once the document is parsed, the way back, the
   * outbox for receipts an earlier page view left.
   */
  const settle = (pageCookies: string) => {
    if (cookies !== undefined) return;
    cookies = pageCookies;
    const record = decodeConsentCookie(readCookie(pageCookies, COOKIE_NAME));
    // An opt-out (the visitor's or their GPC's) and an objection outlive a policy change: a new
    // policy asks nothing under an opt-out rule, and asks a UK visitor again with what they
    // objected to still stopped. (Either method comes only from the rule it belongs to.)
    const last = record?.method;
    let current = holds(record);
    // Under an opt-out rule GPC prevails over a stored setting made without it that sells or
    // shares (`lift`): GPC now decides as on a first visit. A choice the visitor made with the
    // signal on stands (the cookie says so; one from before the flag is taken as made without).
    if (
      gpc &&
      optOutRule &&
      !record?.gpc &&
      boot.consentMode.lift.some((c) => current?.categories[c])
    )
      current = null;
    // A UK exemption is not consent: a choice that kept an exempt category on by the exemption
    // only does not hold where another rule applies; the visitor is asked.
    if (record?.exemptions && rule?.model !== "uk-exemptions") current = null;
    s.record = record;
    s.current = current;
    s.reconsent = !current && !!record;
    // What the visitor's rule runs until they choose (UK exemptions, US opt-out); else nothing.
    // Consent Mode's defaults say what runs without a choice (`pushConsentDefault`).
    s.before =
      last === "object"
        ? null
        : ((gpc || last === "opt-out" || last === "gpc" ? rule?.beforeGpc : rule?.before) ?? null);
    // Under an opt-out rule Global Privacy Control is the visitor's opt-out, and where the site
    // counts it as a refusal of everything (`gpc: "refuse-all"`) it is that: logged, not asked.
    const gpcDecides = !current && gpc && (optOutRule || !!rule?.gpcRefusesAll);

    // The banner's chunk and its language are requested first, together, so the browser fetches
    // them while the loader and the page go on; they run in tasks of their own. What waited for
    // the banner follows its first frame (or its failure).
    if (!current && !optOutRule && !gpcDecides) {
      afterBanner = [];
      const ui = loadUi();
      chunk(languageFile(s.language));
      later(prefetchChoices);
      void ui
        .then((handle) => handle.open("banner"))
        .finally(() =>
          afterFrame(() => {
            // Each in a task of its own: starting a module's import costs milliseconds of a
            // slow main thread, and together they made a task over 50 ms.
            for (const fn of afterBanner ?? []) setTimeout(fn);
            afterBanner = null;
          }),
        )
        // A banner that could not load is reported once, by `loadUi`.
        .catch(() => {});
    }
    // An opt-out or objection that outlived a policy change: Consent Mode as the gates hold it,
    // not the rule's default that runs what they stopped.
    // biome-ignore lint/suspicious/noDoubleEquals: null and undefined alike (no rule, opt-in).
    if (current || s.before != (gpc ? rule?.beforeGpc : rule?.before)) s.update(s.holding());
    whenReady(s.release);
    // An opt-out rule asks nothing: its link is there from the start.
    if (current || optOutRule) s.floatingButton();
    // The outbox comes only with a choice, or for receipts an earlier page view left (its cookie
    // cue: a page view does not open `localStorage`).
    setTimeout(() => {
      if (gpcDecides) void choose("gpc");
      if (readCookie(pageCookies, PENDING_COOKIE)) s.flush();
    });
  };
  /**
   * The session with the decision read: at once (`document.cookie`) if the asynchronous read has
   * not answered yet.
   */
  function known(): Session {
    if (cookies === undefined) settle(document.cookie);
    return s;
  }

  // Everything the page's own scripts must see before the decision is known (Consent Mode's
  // defaults, auto-blocking's hold) is in place when the loader's task ends.
  pushConsentDefault(boot.consentMode, gpc);
  if (options.autoblock) autoblock(s);
  // The site's own openers work from the start (a click while the page is still parsing too).
  onOpenerClick(show);
  // The stored decision is read without blocking the page where the browser can (the Cookie
  // Store API: `document.cookie` is a synchronous round trip to the browser, tens of ms on a
  // busy page view), at once otherwise. Whatever asks for the decision sooner reads it then.
  const store = (window as { cookieStore?: CookieStore }).cookieStore;
  if (store) {
    store
      .getAll()
      .then((list) => settle(list.map((c) => `${c.name}=${c.value}`).join("; ")), known);
    // A decision made in another tab or window of the site applies here too: a withdrawal there
    // stops what runs here (the choice module follows it; this page's own choices are ignored).
    store.addEventListener("change", (event) => {
      for (const cookie of event.changed) {
        const record = cookie.name === COOKIE_NAME ? decodeConsentCookie(cookie.value) : null;
        const decision = holds(record);
        if (record && decision && record.receiptId !== known().record?.receiptId)
          chunk(CHOICE, "follow", s, record, decision);
      }
    });
  } else known();

  return {
    get: () => known().current,
    has: (id) => isAllowed(known().holding(), id),
    on: (_event, fn) => {
      s.listeners.add(fn);
      return () => s.listeners.delete(fn);
    },
    show,
    acceptAll: () => choose("accept-all"),
    rejectAll: () => choose("reject-all"),
    set: (choice) => choose("api", choice),
    withdraw: () => choose("withdraw"),
    object: () => choose("object"),
    optOut: () => choose("opt-out"),
    apply: () => known().gate(),
    consentId: s.consentId,
  };
}
