import {
  allowsElement,
  type Choice,
  type ConsentMethod,
  type ConsentRecord,
  type Decision,
  decide,
  isAllowed,
  isCurrent,
  type LoaderBoot,
  newSubjectId,
  pageServices,
  type ReceiptInput,
  reconcile,
  uuidv7,
} from "@assent/core";
import type { AssentApi, ChangeDetail, UiHandle, UiHost, UiModule } from "../contract";
import { bannerLanguage, languageFile } from "../languages";
import type { flush } from "../transport/outbox";
import { OUTBOX_PREFIX, WRITE_AHEAD } from "../transport/outbox-keys";
import type { mountFloatingButton } from "../ui/floating-button";
import { autoblock } from "./autoblock";
import { EMBED_PLACEHOLDER, FLOATING_BUTTON, OUTBOX } from "./chunks";
import { clearServices } from "./clear-storage";
import { pushConsentDefault, pushConsentUpdate, pushData } from "./consent-mode";
import { readRecord, writeRecord } from "./consent-store";
import type { placehold } from "./embed-placeholder";
import { type EmbedGate, gateEmbeds } from "./gate-embeds";
import { type Allows, activateScripts, ran } from "./gate-scripts";

const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;

function pageLanguage(fallback: string): string {
  const candidates = [document.documentElement.lang, navigator.language, fallback];
  return candidates.find((l) => l && LANGUAGE.test(l)) ?? "en";
}

function whenReady(fn: () => void): void {
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", fn, { once: true });
  else fn();
}

/** What `start` may be given instead of the browser's own facilities (tests, embedders). */
export interface StartOptions {
  /** Imports the UI chunk; defaults to a dynamic `import()` of `boot.ui`. */
  importUi?: (url: string) => Promise<UiModule>;
  /** Stops scripts and iframes from known third-party hosts that were not marked up. */
  autoblock?: boolean;
}

const importModule = (url: string) => import(/* @vite-ignore */ url) as Promise<UiModule>;

/**
 * Starts Assent on a page: Consent Mode defaults, the stored decision applied, gated content
 * activated, `window.assent` returned, and the banner loaded only when a decision is needed.
 */
export function start(boot: LoaderBoot, options: StartOptions = {}): AssentApi {
  const { config } = boot;
  const services = pageServices(config.services);
  // Read when first needed (a placeholder, the banner, a receipt), not in the loader's own task.
  let pageLang: string | undefined;
  const language = () => {
    pageLang ??= pageLanguage(config.defaultLanguage);
    return pageLang;
  };
  /** The site's own texts for the page language (placeholders, the floating button). */
  const siteTexts = () => config.texts[language().split("-")[0] as string];
  const gpc = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  let record: ConsentRecord | null = readRecord();
  let current: Decision | null =
    record && isCurrent(record, config, Date.now()) ? reconcile(record.decision, config) : null;
  const listeners = new Set<(detail: ChangeDetail) => void>();
  let ui: Promise<UiHandle> | null = null;
  let uiModule: Promise<UiModule> | null = null;
  const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce || undefined;
  const importUi = (): Promise<UiModule> => {
    uiModule ??= (options.importUi ?? importModule)(boot.ui);
    uiModule.catch(() => {
      uiModule = null;
    });
    return uiModule;
  };

  /** What a decision lets run. In advanced Consent Mode, tags that read it always may. */
  const allowsIn =
    (decision: Decision | null): Allows =>
    (category, service) =>
      (config.consentMode?.mode === "advanced" &&
        !!services.find((s) => s.id === service)?.consentModeKeys?.length) ||
      allowsElement(decision, category, service);
  const allows: Allows = (category, service) => allowsIn(current)(category, service);

  /** Imports one of the SDK's small on-demand modules (`CHUNKS`), which sit beside the UI chunk. */
  const importChunk = (file: string) =>
    (options.importUi ?? importModule)(new URL(file, boot.ui).href) as Promise<unknown>;

  /** Sends what waits in the outbox (its module is imported only when there is something). */
  const flushOutbox = () =>
    void importChunk(OUTBOX)
      .then((mod) => (mod as { flush?: typeof flush }).flush?.(boot.api))
      .catch((err) => console.warn("[assent]", err));

  const gate: EmbedGate = {
    allows,
    services,
    text: (key) => siteTexts()?.[key],
    placehold: (frame, service) =>
      void importChunk(EMBED_PLACEHOLDER)
        .then((mod) => (mod as { placehold?: typeof placehold }).placehold?.(frame, gate, service))
        .catch((err) => console.warn("[assent]", err)),
    // Only a service the site lists can be remembered: the others are not in the decision.
    alwaysAllow: (id) =>
      config.services.some((s) => s.id === id)
        ? () => {
            choose("custom", {
              categories: { ...current?.categories },
              services: { ...current?.services, [id]: true },
            });
          }
        : undefined,
  };

  /** Brings the page in line with the decision; returns the denied services. */
  const apply = () => {
    void activateScripts(allows);
    gateEmbeds(gate);
    window.fbq?.("consent", allows("marketing", "meta-pixel") ? "grant" : "revoke");
    return clearServices(services.filter((s) => !allows(s.category, s.id)));
  };

  const choose = (method: ConsentMethod, choice: Choice = {}) => {
    const before = allowsIn(current);
    // Under Global Privacy Control, "accept all" leaves marketing denied.
    const all = Object.fromEntries(
      config.categories.map((c) => [c.id, !gpc || c.id !== "marketing"]),
    );
    const decision = decide(
      config,
      method === "accept-all"
        ? { categories: all }
        : /^(reject-all|withdraw)$/.test(method)
          ? {}
          : choice,
    );
    const previousId = record?.receiptId ?? null;
    record = {
      policyVersion: config.policyVersion,
      decidedAt: Date.now(),
      subjectId: record?.subjectId ?? newSubjectId(),
      receiptId: uuidv7(),
      method,
      decision,
    };
    writeRecord(record, config);
    current = decision;
    // A choice made elsewhere (the API, a placeholder) answers the banner too.
    void ui?.then((handle) => handle.close());
    pushConsentUpdate(decision, config);
    const withdrawn = apply()
      .filter((s) => before(s.category, s.id))
      .map((s) => s.id);
    const detail: ChangeDetail = { decision, method, receiptId: record.receiptId, withdrawn };
    dispatchEvent(new CustomEvent("assent:change", { detail }));
    pushData({ event: "assent_update", assent: { method, ...decision.categories } });
    for (const fn of listeners) fn(detail);
    const receipt: ReceiptInput = {
      id: record.receiptId,
      siteKey: config.siteKey,
      subjectId: record.subjectId,
      policyVersion: config.policyVersion,
      configHash: boot.configHash,
      language: language(),
      method,
      decision,
      gpc,
      pagePath: location.pathname.slice(0, 512),
      previousId,
    };
    // Written before it is sent: the outbox sends it until the API acknowledges it.
    try {
      localStorage.setItem(WRITE_AHEAD + receipt.id, JSON.stringify(receipt));
    } catch {}
    flushOutbox();
    // An id names a service or else a category, which `allows` reads either way.
    if (config.reloadOnWithdraw && ran.some((id) => before(id, id) && !allows(id, id)))
      location.reload();
  };

  pushConsentDefault(config);
  if (current) pushConsentUpdate(current, config);

  const consentId = () => record?.subjectId ?? null;
  const host: UiHost = {
    config,
    get language() {
      return language();
    },
    gpc,
    decision: () => current ?? (record ? reconcile(record.decision, config) : null),
    consentId,
    nonce,
    choose,
  };

  const loadUi = (): Promise<UiHandle> => {
    ui ??= importUi().then(
      (mod) => new Promise<UiHandle>((resolve) => whenReady(() => resolve(mod.mount(host)))),
    );
    ui.catch((err) => {
      console.error("[assent] banner not loaded", err);
      ui = null;
    });
    return ui;
  };
  const show = () => loadUi().then((handle) => handle.open("preferences"));

  if (options.autoblock) autoblock(services, allows, apply);
  whenReady(() => {
    apply();
    if (config.ui?.floatingButton) {
      const label = siteTexts()?.floatingButton;
      importChunk(FLOATING_BUTTON)
        .then((mod) =>
          (mod as { mountFloatingButton?: typeof mountFloatingButton }).mountFloatingButton?.(
            label ?? "Cookie settings",
            () => void show(),
            nonce,
          ),
        )
        .catch((err) => console.warn("[assent]", err));
    }
    document.addEventListener("click", (event) => {
      if (!(event.target as Element | null)?.closest?.("[data-assent-open]")) return;
      event.preventDefault();
      void show();
    });
  });
  // Everything the page's own scripts must see (the decision, the gates, Consent Mode defaults)
  // is in place by now. The banner and its language (fetched together, so the banner renders as
  // soon as the UI chunk runs) wait for the next task, the outbox for the one after: this
  // script's task stays short on a slow device.
  setTimeout(() => {
    if (!current) {
      void loadUi().then((handle) => handle.open("banner"));
      void importChunk(languageFile(bannerLanguage(config.defaultLanguage))).catch(() => {});
    }
    setTimeout(() => {
      // Ready before the choice, so it can keep retrying even if the API goes away meanwhile.
      if (!current) void importChunk(OUTBOX).catch(() => {});
      // Receipts left unsent by an earlier page view (API down, page closed): send them now.
      try {
        if (Object.keys(localStorage).some((k) => k.startsWith(OUTBOX_PREFIX))) flushOutbox();
      } catch {}
    });
  });

  return {
    get: () => current,
    has: (id) => isAllowed(current, id),
    on: (_event, fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    show,
    acceptAll: () => choose("accept-all"),
    rejectAll: () => choose("reject-all"),
    set: (choice) => choose("api", choice),
    withdraw: () => choose("withdraw"),
    consentId,
  };
}
