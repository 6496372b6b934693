import { type Choice, type Decision, isRequired, type SiteConfig } from "@assent/core";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Texts } from "./texts";

/** Props of the preference centre. */
export interface PreferencesProps {
  config: SiteConfig;
  t: Texts;
  /** Pre-fills the switches (the current or last decision); nothing is pre-ticked otherwise. */
  initial: Decision | null;
  consentId: string | null;
  onSave(choice: Choice): void;
  onAcceptAll(): void;
  onRejectAll(): void;
  onClose(): void;
}

/** The preference centre: a switch per category and per service, and the visitor's consent ID. */
export function Preferences(props: PreferencesProps) {
  const { config, t, initial, consentId } = props;
  const [categories, setCategories] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(
      config.categories.map((c) => [c.id, isRequired(c) || initial?.categories[c.id] === true]),
    ),
  );
  const [services, setServices] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(config.services.map((s) => [s.id, initial?.services[s.id] === true])),
  );
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>("input:not([disabled]), button")?.focus();
  }, []);

  const toggleCategory = (id: string, on: boolean) => {
    setCategories((prev) => ({ ...prev, [id]: on }));
    setServices((prev) => {
      const next = { ...prev };
      for (const s of config.services) if (s.category === id) next[s.id] = on;
      return next;
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") props.onClose();
  };

  return (
    <div class="overlay">
      <div
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="assent-prefs-title"
        ref={dialog}
        onKeyDown={onKeyDown}
      >
        <h2 id="assent-prefs-title">{t("preferencesTitle")}</h2>
        <p>{t("preferencesIntro")}</p>
        {config.categories.map((category) => {
          const locked = isRequired(category);
          const own = config.services.filter((s) => s.category === category.id);
          const inputId = `assent-cat-${category.id}`;
          return (
            <section class="category" key={category.id}>
              <div class="category-head">
                <label for={inputId}>{t(`category.${category.id}`)}</label>
                {locked && <span class="always">{t("alwaysOn")}</span>}
                <input
                  id={inputId}
                  type="checkbox"
                  role="switch"
                  checked={categories[category.id] === true}
                  aria-checked={categories[category.id] === true}
                  disabled={locked}
                  onChange={(e) => toggleCategory(category.id, e.currentTarget.checked)}
                />
              </div>
              <p>{t(`category.${category.id}.description`)}</p>
              {own.length > 0 && (
                <details>
                  <summary>{t("services")}</summary>
                  <ul>
                    {own.map((service) => (
                      <li class="service" key={service.id}>
                        <label for={`assent-svc-${service.id}`}>{t(`service.${service.id}`)}</label>
                        <input
                          id={`assent-svc-${service.id}`}
                          type="checkbox"
                          role="switch"
                          checked={services[service.id] === true}
                          aria-checked={services[service.id] === true}
                          disabled={locked}
                          onChange={(e) => {
                            const on = e.currentTarget.checked;
                            setServices((prev) => ({ ...prev, [service.id]: on }));
                          }}
                        />
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </section>
          );
        })}
        {consentId && (
          <section class="category">
            <h3>{t("consentId")}</h3>
            <p class="consent-id">{consentId}</p>
            <p>{t("consentIdHelp")}</p>
          </section>
        )}
        <div class="actions">
          <button type="button" onClick={() => props.onSave({ categories, services })}>
            {t("save")}
          </button>
          <button type="button" onClick={props.onAcceptAll}>
            {t("acceptAll")}
          </button>
          <button type="button" onClick={props.onRejectAll}>
            {t("rejectAll")}
          </button>
        </div>
      </div>
    </div>
  );
}
