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
  pageServices,
  reconcile,
  rejectAll,
  type SiteService,
  serviceForUrl,
  uuidv7,
} from "@assent/core";
import type { AssentApi, ChangeDetail, UiHandle, UiHost, UiModule } from "../contract";
import { sendReceipt } from "../transport";
import { autoblock } from "./autoblock";
import { clearServices } from "./clear-storage";
import { pushConsentDefault, pushConsentUpdate } from "./consent-mode";
import { readRecord, writeRecord } from "./consent-store";
import { EMBED_TEXTS, type EmbedGate, gateEmbeds } from "./gate-embeds";
import { type Allows, activateScripts, ran } from "./gate-scripts";
import { syncMetaPixel } from "./meta-pixel";

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
  const byId = (id: string | null | undefined) => services.find((s) => s.id === id);
  const language = pageLanguage(config.defaultLanguage);
  const gpc =
    (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  const advanced = config.consentMode?.mode === "advanced";
  let record: ConsentRecord | null = readRecord();
  let current: Decision | null =
    record && isCurrent(record, config, Date.now()) ? reconcile(record.decision, config) : null;
  const listeners = new Set<(detail: ChangeDetail) => void>();
  // In advanced Consent Mode, the tags that read Consent Mode load before consent.
  const allowsIn =
    (decision: Decision | null): Allows =>
    (category, service) =>
      (advanced && !!byId(service)?.consentModeKeys?.length) ||
      allowsElement(decision, category, service);
  const allows: Allows = (category, service) => allowsIn(current)(category, service);
  /** Clears what every denied service left behind; returns those services. */
  const clear = () => clearServices(services.filter((s) => !allows(s.category, s.id)));
  let ui: Promise<UiHandle> | null = null;

  pushConsentDefault(config);
  const syncPixel = () => syncMetaPixel(allows("marketing", "meta-pixel"));
  syncPixel();

  const overrides = {
    ...config.texts[language.split("-")[0] as string],
    ...config.texts[language],
  };
  const gate: EmbedGate = {
    allows,
    service: (frame) =>
      byId(frame.getAttribute("data-service")) ??
      serviceForUrl(frame.getAttribute("data-src") as string, services),
    text: (key) => overrides[key] ?? EMBED_TEXTS[key] ?? key,
    alwaysAllow: (service) =>
      config.services.some((s) => s.id === service.id)
        ? () => {
            choose("custom", {
              categories: { ...current?.categories },
              services: { ...current?.services, [service.id]: true },
            });
            void ui?.then((handle) => handle.close());
          }
        : undefined,
  };

  const apply = () => {
    void activateScripts(allows);
    gateEmbeds(gate);
  };

  const choose = (method: ConsentMethod, choice?: Choice) => {
    // Under Global Privacy Control, "accept all" leaves marketing denied.
    const decision = decide(
      config,
      method === "accept-all"
        ? {
            categories: Object.fromEntries(
              config.categories.map((c) => [c.id, !gpc || c.id !== "marketing"]),
            ),
          }
        : method === "reject-all" || method === "withdraw"
          ? {}
          : choice,
    );
    const before = allowsIn(current);
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
    pushConsentUpdate(decision, config, services);
    const withdrawn = clear()
      .filter((s) => before(s.category, s.id))
      .map((s) => s.id);
    syncPixel();
    apply();
    const detail: ChangeDetail = { decision, method, receiptId: next.receiptId, withdrawn };
    window.dispatchEvent(new CustomEvent("assent:change", { detail }));
    window.dataLayer = window.dataLayer || [];
    window.dataLayer.push({
      event: "assent_update",
      assent: { method, withdrawn, ...decision.categories },
    });
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
    });
    if (config.reloadOnWithdraw && ran.some(([c, s]) => before(c, s) && !allows(c, s)))
      location.reload();
  };

  if (current) {
    pushConsentUpdate(current, config, services);
    clear();
  }

  const host: UiHost = {
    config,
    language,
    gpc,
    decision: () => current ?? (record ? reconcile(record.decision, config) : null),
    consentId: () => record?.subjectId ?? null,
    choose: (method, choice) => choose(method, choice),
  };

  const loadUi = (): Promise<UiHandle> => {
    ui ??= (options.importUi ?? importModule)(boot.ui).then(
      (mod) => new Promise<UiHandle>((resolve) => whenReady(() => resolve(mod.mount(host)))),
    );
    ui.catch((err) => {
      console.error("[assent] the consent banner could not be loaded", err);
      ui = null;
    });
    return ui;
  };

  if (options.autoblock)
    autoblock(services, allows, (frames) => {
      // During parsing the page is not laid out yet: the first pass, when it is, sees them.
      if (document.readyState !== "loading") gateEmbeds(gate, frames);
    });

  whenReady(() => {
    apply();
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
