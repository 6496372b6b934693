import { ID_PATTERN, isRequired, type SiteConfig } from "@assent/core";
import { useState } from "preact/hooks";
import { categoryLabel } from "../records/category-columns";
import { EDITABLE_TEXTS, withText } from "./banner-texts";
import { ConsentModeFields } from "./consent-mode-fields";
import { SERVICE_SUGGESTIONS } from "./service-catalogue";
import { TextLanguagePicker } from "./text-language";

export interface ConfigEditorProps {
  config: SiteConfig;
  onChange: (config: SiteConfig) => void;
  language: string;
  onLanguage: (language: string) => void;
}

const num = (value: string, fallback: number) => {
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) ? fallback : n;
};

/**
 * The banner's configuration: categories, services, texts, policy links, expiry, look, and
 * Consent Mode options.
 */
export function ConfigEditor({ config, onChange, language, onLanguage }: ConfigEditorProps) {
  const [newCategory, setNewCategory] = useState("");
  const [newService, setNewService] = useState("");
  const [serviceCategory, setServiceCategory] = useState("analytics");
  const set = (patch: Partial<SiteConfig>) => onChange({ ...config, ...patch });
  const validId = (id: string) => ID_PATTERN.test(id);

  return (
    <>
      <fieldset>
        <legend>Categories</legend>
        <ul class="editable-list">
          {config.categories.map((c) => (
            <li key={c.id}>
              {categoryLabel(c.id)} <code>{c.id}</code>
              {isRequired(c) ? (
                <span class="help"> always on</span>
              ) : (
                <button
                  class="button small"
                  type="button"
                  aria-label={`Remove category ${c.id}`}
                  onClick={() =>
                    set({
                      categories: config.categories.filter((x) => x.id !== c.id),
                      services: config.services.filter((s) => s.category !== c.id),
                    })
                  }
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
        <div class="inline-add">
          <label for="new-category">New category id</label>
          <input
            id="new-category"
            value={newCategory}
            onInput={(e) => setNewCategory(e.currentTarget.value.trim())}
          />
          <button
            class="button"
            type="button"
            disabled={!validId(newCategory) || config.categories.some((c) => c.id === newCategory)}
            onClick={() => {
              set({ categories: [...config.categories, { id: newCategory }] });
              setNewCategory("");
            }}
          >
            Add category
          </button>
        </div>
      </fieldset>

      <fieldset>
        <legend>Services</legend>
        <ul class="editable-list">
          {config.services.map((s) => (
            <li key={s.id}>
              <code>{s.id}</code> in {categoryLabel(s.category)}
              <button
                class="button small"
                type="button"
                aria-label={`Remove service ${s.id}`}
                onClick={() => set({ services: config.services.filter((x) => x.id !== s.id) })}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <div class="inline-add">
          <label for="new-service">Service id</label>
          <input
            id="new-service"
            list="service-suggestions"
            value={newService}
            onInput={(e) => {
              const id = e.currentTarget.value.trim();
              setNewService(id);
              const known = SERVICE_SUGGESTIONS.find((s) => s.id === id);
              if (known && config.categories.some((c) => c.id === known.category)) {
                setServiceCategory(known.category);
              }
            }}
          />
          <datalist id="service-suggestions">
            {SERVICE_SUGGESTIONS.map((s) => (
              <option key={s.id} value={s.id} label={s.name} />
            ))}
          </datalist>
          <label for="new-service-category">in category</label>
          <select
            id="new-service-category"
            value={serviceCategory}
            onChange={(e) => setServiceCategory(e.currentTarget.value)}
          >
            {config.categories
              .filter((c) => !isRequired(c))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {categoryLabel(c.id)}
                </option>
              ))}
          </select>
          <button
            class="button"
            type="button"
            disabled={!validId(newService) || config.services.some((s) => s.id === newService)}
            onClick={() => {
              set({
                services: [...config.services, { id: newService, category: serviceCategory }],
              });
              setNewService("");
            }}
          >
            Add service
          </button>
        </div>
      </fieldset>

      <fieldset>
        <legend>Texts</legend>
        <div class="inline-add">
          <TextLanguagePicker language={language} onLanguage={onLanguage} />
        </div>
        <p class="help">Leave a text empty to use the banner's standard wording.</p>
        {EDITABLE_TEXTS.map((t) => (
          <div class="field" key={t.key}>
            <label for={`text-${t.key}`}>{t.label}</label>
            <textarea
              id={`text-${t.key}`}
              rows={t.key === "description" ? 4 : 1}
              placeholder={t.standard}
              value={config.texts[language]?.[t.key] ?? ""}
              onInput={(e) => onChange(withText(config, language, t.key, e.currentTarget.value))}
            />
          </div>
        ))}
      </fieldset>

      <fieldset>
        <legend>Policy and expiry</legend>
        <div class="field">
          <label for="privacy-url">Privacy policy URL</label>
          <input
            id="privacy-url"
            value={config.privacyPolicyUrl ?? ""}
            onInput={(e) => set({ privacyPolicyUrl: e.currentTarget.value || undefined })}
          />
        </div>
        <div class="field">
          <label for="cookie-url">Cookie policy URL</label>
          <input
            id="cookie-url"
            value={config.cookiePolicyUrl ?? ""}
            onInput={(e) => set({ cookiePolicyUrl: e.currentTarget.value || undefined })}
          />
        </div>
        <div class="filter-grid">
          <div class="field">
            <label for="accepted-days">Ask again after an acceptance (days)</label>
            <input
              id="accepted-days"
              type="number"
              min={1}
              max={395}
              value={config.expiry.acceptedDays}
              onInput={(e) =>
                set({
                  expiry: {
                    ...config.expiry,
                    acceptedDays: num(e.currentTarget.value, config.expiry.acceptedDays),
                  },
                })
              }
            />
          </div>
          <div class="field">
            <label for="rejected-days">Ask again after a refusal (days)</label>
            <input
              id="rejected-days"
              type="number"
              min={1}
              max={395}
              value={config.expiry.rejectedDays}
              onInput={(e) =>
                set({
                  expiry: {
                    ...config.expiry,
                    rejectedDays: num(e.currentTarget.value, config.expiry.rejectedDays),
                  },
                })
              }
            />
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>Look</legend>
        <div class="filter-grid">
          <div class="field">
            <label for="ui-theme">Theme</label>
            <select
              id="ui-theme"
              value={config.ui.theme}
              onChange={(e) =>
                set({
                  ui: { ...config.ui, theme: e.currentTarget.value as SiteConfig["ui"]["theme"] },
                })
              }
            >
              <option value="auto">Follow the visitor's system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </div>
          <div class="field">
            <label for="ui-position">Position</label>
            <select
              id="ui-position"
              value={config.ui.position}
              onChange={(e) =>
                set({
                  ui: {
                    ...config.ui,
                    position: e.currentTarget.value as SiteConfig["ui"]["position"],
                  },
                })
              }
            >
              <option value="bar">Bar along the bottom</option>
              <option value="box">Box in a corner</option>
              <option value="modal">Centred dialog</option>
            </select>
          </div>
        </div>
        <div class="choice">
          <input
            id="ui-floating"
            type="checkbox"
            checked={config.ui.floatingButton}
            onChange={(e) => set({ ui: { ...config.ui, floatingButton: e.currentTarget.checked } })}
          />
          <label for="ui-floating">Show a small button that reopens the preferences</label>
        </div>
      </fieldset>

      <ConsentModeFields config={config} onChange={onChange} />
    </>
  );
}
