import {
  acceptAll,
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
  reconcile,
  rejectAll,
  uuidv7,
} from "@assent/core";
import type { AssentApi, ChangeDetail, UiHandle, UiHost, UiModule } from "../contract";
import { sendReceipt } from "../transport";
import { mountFloatingButton } from "../ui/floating-button";
import { pushConsentDefault, pushConsentUpdate } from "./consent-mode";
import { readRecord, writeRecord } from "./consent-store";
import { activateEmbeds } from "./gate-embeds";
import { type Allows, activateScripts } from "./gate-scripts";

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
}

const importModule = (url: string) => import(/* @vite-ignore */ url) as Promise<UiModule>;

/**
 * Starts Assent on a page: Consent Mode defaults, the stored decision applied, gated content
 * activated, `window.assent` returned, and the banner loaded only when a decision is needed.
 */
export function start(boot: LoaderBoot, options: StartOptions = {}): AssentApi {
  const { config } = boot;
  const language = pageLanguage(config.defaultLanguage);
  let record: ConsentRecord | null = readRecord();
  let current: Decision | null =
    record && isCurrent(record, config, Date.now()) ? reconcile(record.decision, config) : null;
  const listeners = new Set<(detail: ChangeDetail) => void>();
  const allows: Allows = (category, service) => allowsElement(current, category, service);
  let ui: Promise<UiHandle> | null = null;
  let uiModule: Promise<UiModule> | null = null;
  const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce || undefined;
  const gpc =
    (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const importUi = (): Promise<UiModule> => {
    uiModule ??= (options.importUi ?? importModule)(boot.ui);
    uiModule.catch(() => {
      uiModule = null;
    });
    return uiModule;
  };

  pushConsentDefault();
  if (current) pushConsentUpdate(current);

  const apply = () => {
    void activateScripts(allows);
    activateEmbeds(allows);
  };

  const choose = (method: ConsentMethod, choice?: Choice) => {
    const decision =
      method === "accept-all"
        ? acceptAll(config)
        : method === "reject-all" || method === "withdraw"
          ? rejectAll(config)
          : decide(config, choice);
    const previousId = record?.receiptId ?? null;
    const next: ConsentRecord = {
      policyVersion: config.policyVersion,
      decidedAt: Date.now(),
      subjectId: record?.subjectId ?? newSubjectId(),
      receiptId: uuidv7(),
      method,
      decision,
    };
    writeRecord(next, config);
    record = next;
    current = decision;
    pushConsentUpdate(decision);
    apply();
    const detail: ChangeDetail = { decision, method, receiptId: next.receiptId };
    window.dispatchEvent(new CustomEvent("assent:change", { detail }));
    window.dataLayer = window.dataLayer || [];
    window.dataLayer.push({ event: "assent_update", assent: { method, ...decision.categories } });
    for (const fn of listeners) fn(detail);
    void sendReceipt(boot.api, {
      id: next.receiptId,
      siteKey: config.siteKey,
      subjectId: next.subjectId,
      policyVersion: config.policyVersion,
      configHash: boot.configHash,
      language,
      method,
      decision,
      gpc,
      pagePath: location.pathname.slice(0, 512),
      previousId,
    })
      .then((stored) => stored && importUi().then((mod) => mod.rememberReceipt?.(stored)))
      .catch((err) => console.warn("[assent] receipt not kept in this browser", err));
  };

  const host: UiHost = {
    config,
    language,
    decision: () => current ?? (record ? reconcile(record.decision, config) : null),
    consentId: () => record?.subjectId ?? null,
    gpc,
    nonce,
    choose: (method, choice) => choose(method, choice),
  };

  const loadUi = (): Promise<UiHandle> => {
    ui ??= importUi().then(
      (mod) => new Promise<UiHandle>((resolve) => whenReady(() => resolve(mod.mount(host)))),
    );
    ui.catch((err) => {
      console.error("[assent] the consent banner could not be loaded", err);
      ui = null;
    });
    return ui;
  };

  whenReady(() => {
    if (current) apply();
    if (config.ui?.floatingButton) {
      const label = config.texts[language.split("-")[0] ?? ""]?.floatingButton;
      mountFloatingButton(
        label ?? "Cookie settings",
        () => void loadUi().then((h) => h.open("preferences")),
        nonce,
      );
    }
    document.addEventListener("click", (event) => {
      const opener = (event.target as Element | null)?.closest?.("[data-assent-open]");
      if (!opener) return;
      event.preventDefault();
      void loadUi().then((handle) => handle.open("preferences"));
    });
  });
  if (!current) void loadUi().then((handle) => handle.open("banner"));

  return {
    get: () => current,
    has: (id) => isAllowed(current, id),
    on: (_event, fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    show: () => loadUi().then((handle) => handle.open("preferences")),
    acceptAll: () => choose("accept-all"),
    rejectAll: () => choose("reject-all"),
    set: (choice) => choose("api", choice),
    withdraw: () => choose("withdraw"),
    consentId: () => record?.subjectId ?? null,
  };
}
