import { ID_PATTERN, isRequired } from "@assent/core";
import { useState } from "preact/hooks";
import { categoryLabel } from "../records/category-columns";
import type { FieldsProps } from "./editor-props";
import { SERVICE_SUGGESTIONS } from "./service-catalogue";

/** The site's services, each in a category that can be refused; catalogue ids are suggested. */
export function ServicesFields({ config, onChange }: FieldsProps) {
  const [newService, setNewService] = useState("");
  const [serviceCategory, setServiceCategory] = useState("analytics");
  return (
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
              onClick={() =>
                onChange({ ...config, services: config.services.filter((x) => x.id !== s.id) })
              }
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
          disabled={
            !ID_PATTERN.test(newService) || config.services.some((s) => s.id === newService)
          }
          onClick={() => {
            onChange({
              ...config,
              services: [...config.services, { id: newService, category: serviceCategory }],
            });
            setNewService("");
          }}
        >
          Add service
        </button>
      </div>
    </fieldset>
  );
}
