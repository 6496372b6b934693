import { ID_PATTERN, isRequired } from "@assent/core";
import { useState } from "preact/hooks";
import { categoryLabel } from "../records/category-columns";
import type { FieldsProps } from "./editor-props";

/** The site's categories: removing one removes its services; `necessary` stays always on. */
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
                onClick={() =>
                  onChange({
                    ...config,
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
