import { DEFAULT_CATEGORIES, ID_PATTERN, isRequired, type SiteConfig } from "@assent/core";
import { useState } from "preact/hooks";
import { categoryLabel } from "../records/category-columns";
import { withText } from "./banner-texts";
import type { FieldsProps } from "./editor-props";

const builtIn = (id: string) => DEFAULT_CATEGORIES.some((c) => c.id === id);

/**
 * A category of the site's own, named and described in the site's default language: no built-in
 * text names it, and it cannot be published without both (`category-text-required`). Visitors in
 * a language the site wrote no texts in read these.
 */
function OwnCategoryTexts({ id, config, onChange }: FieldsProps & { id: string }) {
  const language = config.defaultLanguage;
  const field = (key: string, label: string, rows: number) => (
    <div class="field">
      <label for={key.replace(/\./g, "-")}>
        {label} ({language})
      </label>
      <textarea
        id={key.replace(/\./g, "-")}
        rows={rows}
        required
        value={config.texts[language]?.[key] ?? ""}
        onInput={(e) => onChange(withText(config, language, key, e.currentTarget.value))}
      />
    </div>
  );
  return (
    <>
      {field(`category.${id}`, `Label of ${id}`, 1)}
      {field(`category.${id}.description`, `What ${id} is for, as visitors read it`, 2)}
    </>
  );
}

/** The configuration without a category, its services, or its texts in any language. */
function withoutCategory(config: SiteConfig, id: string): SiteConfig {
  const own = (key: string) => key === `category.${id}` || key === `category.${id}.description`;
  return {
    ...config,
    categories: config.categories.filter((x) => x.id !== id),
    services: config.services.filter((s) => s.category !== id),
    texts: Object.fromEntries(
      Object.entries(config.texts)
        .map(
          ([language, texts]) =>
            [language, Object.entries(texts).filter(([key]) => !own(key))] as const,
        )
        .filter(([, texts]) => texts.length)
        .map(([language, texts]) => [language, Object.fromEntries(texts)]),
    ),
  };
}

/**
 * The site's categories: removing one removes its services and texts; `necessary` stays always
 * on; one of the site's own is named and described here.
 */
export function CategoriesFields({ config, onChange }: FieldsProps) {
  const [newCategory, setNewCategory] = useState("");
  return (
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
                onClick={() => onChange(withoutCategory(config, c.id))}
              >
                Remove
              </button>
            )}
            {!builtIn(c.id) && <OwnCategoryTexts id={c.id} config={config} onChange={onChange} />}
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
          disabled={
            !ID_PATTERN.test(newCategory) || config.categories.some((c) => c.id === newCategory)
          }
          onClick={() => {
            onChange({ ...config, categories: [...config.categories, { id: newCategory }] });
            setNewCategory("");
          }}
        >
          Add category
        </button>
      </div>
    </fieldset>
  );
}
