import {
  type Choice,
  type Decision,
  gpcRefused,
  isRequired,
  type SiteConfig,
  type VisitorRule,
} from "@assent/core";
import { Component } from "preact";
import type { HistoryEntry } from "../transport";
import { ConsentRecord } from "./consent-record";
import { Dialog } from "./dialog";
import { ServiceList } from "./service-list";
import type { Texts } from "./texts";

/** Props of the preference centre. */
export interface PreferencesProps {
  config: SiteConfig;
  t: Texts;
  language: string;
  /**
   * Pre-fills the switches: the current decision, `null` while the visitor must decide (a
   * superseded decision never pre-ticks). Anything it does not name (a new category or service)
   * starts off; nothing is pre-ticked otherwise, but what is locked on is shown on.
   */
  initial: Decision | null;
  consentId: string | null;
  /** The browser sends Global Privacy Control. */
  gpc: boolean;
  loadHistory(): Promise<HistoryEntry[]>;
  /** Downloads one of the visitor's receipts with its proof (see `ConsentRecord`). */
  downloadProof?(id: string): Promise<boolean>;
  onSave(choice: Choice): void;
  onAcceptAll(): void;
  onRejectAll(): void;
  onClose(): void;
  /** The visitor's rule (`boot.rule`), when the site has rules. */
  rule?: VisitorRule | undefined;
  /** Under a UK rule with exempt categories: "Object", with what it stops. */
  onObject?: (() => void) | undefined;
  /**
   * Under an opt-out rule: the centre is the "Your Privacy Choices" page, led by "Do not sell or
   * share my personal information" (or, once opted out, how: by the visitor, or by GPC).
   */
  onOptOut?: (() => void) | undefined;
}

type Switches = Record<string, boolean>;

/** The preference centre: a switch per category and per service, and the visitor's own record. */
export class Preferences extends Component<
  PreferencesProps,
  { categories: Switches; services: Switches }
> {
  constructor(props: PreferencesProps) {
    super(props);
    const { config, initial } = props;
    const locked = new Set(config.categories.filter(isRequired).map((c) => c.id));
    this.state = {
      categories: Object.fromEntries(
        config.categories.map((c) => [
          c.id,
          locked.has(c.id) || initial?.categories[c.id] === true,
        ]),
      ),
      // A service in a locked category runs whatever the visitor chooses: shown on, never off.
      services: Object.fromEntries(
        config.services.map((s) => [
          s.id,
          locked.has(s.category) || initial?.services[s.id] === true,
        ]),
      ),
    };
  }

  toggleCategory(id: string, on: boolean) {
    const services = { ...this.state.services };
    for (const s of this.props.config.services) if (s.category === id) services[s.id] = on;
    this.setState({ categories: { ...this.state.categories, [id]: on }, services });
  }

  override render(props: PreferencesProps) {
    const { config, t, initial } = props;
    const { categories, services } = this.state;
    const refused = gpcRefused(config);
    // Opted out: everything GPC refuses is denied by what holds now.
    const optedOut =
      !!initial &&
      refused.categories.every((id) => !initial.categories[id]) &&
      refused.services.every((id) => !initial.services[id]);
    // Objected: every category claiming a UK exemption is denied by what holds now.
    const exempt = config.categories.filter((c) => c.exemption);
    const objected = !!initial && exempt.every((c) => !initial.categories[c.id]);
    return (
      <div class="overlay">
        <Dialog
          class="dialog"
          modal
          labelledBy="assent-prefs-title"
          describedBy="assent-prefs-intro"
          onEscape={props.onClose}
        >
          <div class="head">
            <h2 id="assent-prefs-title">
              {t(props.onOptOut ? "privacyChoices" : "preferencesTitle")}
            </h2>
            <button type="button" class="close" onClick={props.onClose}>
              {t("close")}
            </button>
          </div>
          <p id="assent-prefs-intro">{t("preferencesIntro")}</p>
          {props.onOptOut ? (
            optedOut ? (
              <p class="note" role="status">
                {t(props.gpc ? "optOutHonoured" : "method.opt-out")}
              </p>
            ) : (
              <div class="actions">
                <button type="button" part="button" onClick={props.onOptOut}>
                  {t("optOut")}
                </button>
              </div>
            )
          ) : (
            props.gpc && <p class="note">{t("gpc")}</p>
          )}
          {props.onObject && <p class="note">{t(objected ? "objected" : "objectInfo")}</p>}
          {config.categories.map((category) => {
            const locked = isRequired(category);
            const own = config.services.filter((s) => s.category === category.id);
            const inputId = `assent-cat-${category.id}`;
            return (
              <section class="category" key={category.id}>
                <div class="row">
                  <label for={inputId}>{t(`category.${category.id}`)}</label>
                  {locked && (
                    <span class="always" id={`${inputId}-on`}>
                      {t("alwaysOn")}
                    </span>
                  )}
                  {/* A locked switch cannot take the focus: its description says why it is on. */}
                  <input
                    id={inputId}
                    type="checkbox"
                    role="switch"
                    aria-checked={categories[category.id] === true}
                    checked={categories[category.id] === true}
                    disabled={locked}
                    aria-describedby={`${locked ? `${inputId}-on ` : ""}${inputId}-text`}
                    onChange={(e) => this.toggleCategory(category.id, e.currentTarget.checked)}
                  />
                </div>
                <p id={`${inputId}-text`}>{t(`category.${category.id}.description`)}</p>
                {own.length > 0 && (
                  <ServiceList
                    services={own}
                    t={t}
                    on={services}
                    locked={locked}
                    onToggle={(id, on) => this.setState({ services: { ...services, [id]: on } })}
                  />
                )}
              </section>
            );
          })}
          <ConsentRecord
            t={t}
            language={props.language}
            consentId={props.consentId}
            loadHistory={props.loadHistory}
            {...(props.downloadProof ? { downloadProof: props.downloadProof } : {})}
          />
          <div class="actions">
            <button
              type="button"
              part="button"
              onClick={() => props.onSave({ categories, services })}
            >
              {t("save")}
            </button>
            <button type="button" part="button" onClick={props.onAcceptAll}>
              {t("acceptAll")}
            </button>
            <button type="button" part="button" onClick={props.onRejectAll}>
              {t("rejectAll")}
            </button>
            {props.onObject && !objected && (
              <button type="button" part="button" onClick={props.onObject}>
                {t("object")}
              </button>
            )}
          </div>
        </Dialog>
      </div>
    );
  }
}
