import {
  type Choice,
  type ConsentMethod,
  type ConsentRecord,
  type Decision,
  isAllowed,
  isCurrent,
  type LoaderBoot,
  newSubjectId,
  pageServices,
  type RuleTextKey,
  reconcile,
  uuidv7,
} from "@assent/core";
import type { AssentApi, ChangeDetail, UiHandle, UiHost, UiModule } from "../contract";
import { bannerLanguage, languageFile } from "../languages";
import { OUTBOX_PREFIX } from "../transport/outbox-keys";
import { allowsIn } from "./allows";
import { announce } from "./announce";
import { autoblock } from "./autoblock";
import { EMBED_PLACEHOLDER, FLOATING_BUTTON, OUTBOX } from "./chunks";
import { clearServices } from "./clear-storage";
import { pushConsentDefault, pushConsentUpdate } from "./consent-mode";
import { readRecord, writeRecord } from "./consent-store";
import { decisionFor } from "./decision-for";
import { type EmbedGate, gateEmbeds } from "./gate-embeds";
import { type Allows, activateScripts, ran as started } from "./gate-scripts";
import { type ImportModule, importModule, onDemand } from "./on-demand";
import { gpcSignal, onOpenerClick, whenReady } from "./page";
import { writeAhead } from "./receipt";

/** What `start` may be given instead of the browser's own facilities (tests, embedders). */
export interface StartOptions {
  /** Imports the UI chunk; defaults to a dynamic `import()` of `boot.ui`. */
  importUi?: (url: string) => Promise<UiModule>;
  /** Stops scripts and iframes from known third-party hosts that were not marked up. */
  autoblock?: boolean;
}

/**
 * Starts Assent on a page: Consent Mode defaults, the stored decision applied, gated content
 * activated, `window.assent` returned, and the banner loaded only when a decision is needed.
 * The pieces: `allows` (what a decision lets run), `decision-for` (what a method decides),
 * `announce` (events and the receipt's write-ahead), `on-demand` (the modules imported later),
 * `page` (language, readiness, the site's own openers).
 */
export function start(boot: LoaderBoot, options: StartOptions = {}): AssentApi {
  const { config } = boot;
  const services = pageServices(config.services);
  const load: ImportModule = options.importUi ?? importModule;
  const chunk = onDemand(load, boot.ui);
  // Read when first needed (a placeholder, the banner, a receipt), not in the loader's own task.
  let pageLang: string | undefined;
  // One resolver: the language the banner is shown in is the one its receipt records.
  const language = () => (pageLang ??= bannerLanguage(config.defaultLanguage));
  /** The site's own texts for the page language (placeholders, the floating button). */
  const siteTexts = () => config.texts[language().split("-")[0] as string];
  /** A text of the visitor's rule: the rule's wording, the site's, else the English one. */
  const ruleText = (key: RuleTextKey) => {
    const base = language().split("-")[0] as string;
    return rule?.texts?.[base]?.[key] ?? siteTexts()?.[key] ?? rule?.fallback?.[key];
  };
  // The header counts too: a private, located loader carries it (`boot.gpc`).
  const gpc = gpcSignal() || !!boot.gpc;
  const { rule } = boot;
  // What the visitor's rule runs until they choose (UK exemptions, US opt-out); else nothing.
  const before = (gpc ? rule?.beforeGpc : rule?.before) ?? null;
  const optOutRule = rule?.model === "opt-out";
  let record: ConsentRecord | null = readRecord();
  let current: Decision | null =
    record && isCurrent(record, config, Date.now()) ? reconcile(record.decision, config) : null;
  const listeners = new Set<(detail: ChangeDetail) => void>();
  let ui: Promise<UiHandle> | null = null;
  const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce || undefined;
  const allows: Allows = (category, service) =>
    allowsIn(config, services, current ?? before)(category, service);

  const gate: EmbedGate = {
    source: boot,
    allows,
    services,
    text: (key) => siteTexts()?.[key],
    placehold: (frame, service) => chunk(EMBED_PLACEHOLDER, "placehold", frame, gate, service),
    // Only a service the site lists can be remembered: the others are not in the decision.
    alwaysAllow: (id) =>
      config.services.some((s) => s.id === id)
        ? () => {
            choose("custom", {
              categories: { ...(current ?? before)?.categories },
              services: { ...(current ?? before)?.services, [id]: true },
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

  /** Records a choice, applies it, tells the page and sends its receipt. */
  const choose = (method: ConsentMethod, choice: Choice = {}) => {
    const ran = allowsIn(config, services, current ?? before);
    const decision = decisionFor(config, method, choice, { gpc, rule, holding: current ?? before });
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
    pushConsentUpdate(decision, config, gpc);
    const withdrawn = apply()
      .filter((s) => ran(s.category, s.id))
      .map((s) => s.id);
    announce({ decision, method, receiptId: record.receiptId, withdrawn }, listeners);
    const unsaved = writeAhead(
      {
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
      },
      boot.api,
    );
    chunk(OUTBOX, "flush", boot.api, { unsaved });
    floatingButton();
    // An id names a service or else a category, which `allows` reads either way.
    // On unless the site turns it off: a script that already ran cannot be stopped otherwise.
    if (config.reloadOnWithdraw !== false && started.some((id) => ran(id, id) && !allows(id, id)))
      location.reload();
  };

  pushConsentDefault(config, rule?.consentMode, gpc);
  if (current) pushConsentUpdate(current, config, gpc);

  const consentId = () => record?.subjectId ?? null;
  const host: UiHost = {
    config,
    configHash: boot.configHash,
    api: boot.api,
    get language() {
      return language();
    },
    gpc,
    rule,
    decision: () => current,
    holding: () => current ?? before,
    reconsent: !current && !!record,
    consentId,
    nonce,
    choose,
  };

  /** Imports the UI chunk (once) and mounts it when the document is ready. */
  const loadUi = (): Promise<UiHandle> => {
    ui ??= load(boot.ui).then(
      (mod) =>
        new Promise<UiHandle>((resolve) => whenReady(() => resolve((mod as UiModule).mount(host)))),
    );
    ui.catch((err) => {
      console.error("[assent] banner not loaded", err);
      ui = null;
    });
    return ui;
  };
  const show = () => loadUi().then((handle) => handle.open("preferences"));

  /**
   * Withdrawing is as easy as consenting: once there is a decision to withdraw, the floating
   * button is there unless the site turned it off and the page shows its own way back (a visible
   * `data-assent-open`), which the module checks. While the banner asks, it is not needed.
   */
  const floatingButton = () =>
    whenReady(() =>
      chunk(
        FLOATING_BUTTON,
        "mountFloatingButton",
        // Under an opt-out rule it is the "Your Privacy Choices" link, with its icon.
        optOutRule ? ruleText("privacyChoices") : siteTexts()?.floatingButton,
        () => void show(),
        nonce,
        !config.ui?.floatingButton,
        optOutRule,
      ),
    );

  if (options.autoblock) autoblock(services, allows, apply);
  whenReady(() => {
    apply();
    onOpenerClick(() => void show());
  });
  // An opt-out rule asks nothing: its link is there from the start.
  if (current || optOutRule) floatingButton();
  // Everything the page's own scripts must see (the decision, the gates, Consent Mode defaults)
  // is in place by now. The banner and its language (fetched together, so the banner renders as
  // soon as the UI chunk runs) wait for the next task: this script's task stays short on a slow
  // device. The outbox comes only with a choice, or for receipts an earlier page view left.
  setTimeout(() => {
    // Under an opt-out rule Global Privacy Control is the visitor's opt-out, and where the site
    // counts it as a refusal of everything (`gpc: "refuse-all"`) it is that: logged, not asked.
    if (!current && gpc && (optOutRule || rule?.gpcRefusesAll)) choose("gpc");
    else if (!current && !optOutRule) {
      void loadUi().then((handle) => handle.open("banner"));
      chunk(languageFile(language()));
    }
    try {
      if (Object.keys(localStorage).some((k) => k.startsWith(OUTBOX_PREFIX)))
        chunk(OUTBOX, "flush", boot.api);
    } catch {}
  });

  return {
    get: () => current,
    has: (id) => isAllowed(current ?? before, id),
    on: (_event, fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    show,
    acceptAll: () => choose("accept-all"),
    rejectAll: () => choose("reject-all"),
    set: (choice) => choose("api", choice),
    withdraw: () => choose("withdraw"),
    // Only a site with a category claiming a UK exemption has anything to object to.
    object: () => {
      if (config.categories.some((c) => c.exemption)) choose("object");
    },
    optOut: () => choose("opt-out"),
    consentId,
  };
}
