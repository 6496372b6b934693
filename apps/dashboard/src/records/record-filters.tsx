import { CONSENT_METHODS, DEFAULT_CATEGORIES, SUBJECT_ID, UUID_V7 } from "@assent/core";
import { useState } from "preact/hooks";
import type { ReceiptFilters } from "../api";
import { categoryLabel } from "./category-columns";
import { methodLabel } from "./receipt-format";

export interface RecordFiltersProps {
  onApply: (filters: ReceiptFilters) => void;
}

const CATEGORY_IDS = DEFAULT_CATEGORIES.map((c) => c.id);

/** What a search box entry means: a receipt id, a subject id, or neither. */
export function searchFilter(text: string): ReceiptFilters | string {
  const value = text.trim();
  if (value === "") return {};
  if (UUID_V7.test(value.toLowerCase())) return { id: value.toLowerCase() };
  if (SUBJECT_ID.test(value)) return { subject: value };
  return "Enter a receipt id (a UUID) or a subject id (22 characters).";
}

/** The filters of the records view: search, time range, method, decisions, policy version. */
export function RecordFilters({ onApply }: RecordFiltersProps) {
  const [error, setError] = useState("");

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const search = searchFilter(text("search"));
    if (typeof search === "string") {
      setError(search);
      return;
    }
    setError("");
    const granted = CATEGORY_IDS.filter((id) => form.get(`category-${id}`) === "granted");
    const denied = CATEGORY_IDS.filter((id) => form.get(`category-${id}`) === "denied");
    const place = text("jurisdiction").toUpperCase();
    if (place && !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(place)) {
      setError("Enter a country (GB) or a subdivision (US-CA).");
      return;
    }
    const from = text("from");
    const to = text("to");
    onApply({
      ...search,
      from: from ? `${from}T00:00:00Z` : undefined,
      to: to ? `${to}T23:59:59.999Z` : undefined,
      method: (text("method") || undefined) as ReceiptFilters["method"],
      policyVersion: text("policyVersion") || undefined,
      jurisdiction: place || undefined,
      rule: text("rule") || undefined,
      granted: granted.length ? granted.join(",") : undefined,
      denied: denied.length ? denied.join(",") : undefined,
    });
  };

  return (
    <form class="record-filters" onSubmit={submit} onReset={() => onApply({})}>
      <div class="field search">
        <label for="records-search">Receipt id or subject id</label>
        <input id="records-search" name="search" type="search" autocomplete="off" />
      </div>
      <div class="filter-grid">
        <div class="field">
          <label for="records-from">From (UTC)</label>
          <input id="records-from" name="from" type="date" />
        </div>
        <div class="field">
          <label for="records-to">To (UTC)</label>
          <input id="records-to" name="to" type="date" />
        </div>
        <div class="field">
          <label for="records-method">Method</label>
          <select id="records-method" name="method">
            <option value="">Any</option>
            {CONSENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {methodLabel(m)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="records-policy">Policy version</label>
          <input id="records-policy" name="policyVersion" autocomplete="off" />
        </div>
        <div class="field">
          <label for="records-jurisdiction">Jurisdiction</label>
          <input
            id="records-jurisdiction"
            name="jurisdiction"
            autocomplete="off"
            placeholder="GB, US-CA"
          />
        </div>
        <div class="field">
          <label for="records-rule">Rule applied</label>
          <input id="records-rule" name="rule" autocomplete="off" placeholder="uk" />
        </div>
        {CATEGORY_IDS.filter((id) => id !== "necessary").map((id) => (
          <div class="field" key={id}>
            <label for={`records-category-${id}`}>{categoryLabel(id)}</label>
            <select id={`records-category-${id}`} name={`category-${id}`}>
              <option value="">Any</option>
              <option value="granted">Granted</option>
              <option value="denied">Denied</option>
            </select>
          </div>
        ))}
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button class="button primary" type="submit">
          Apply filters
        </button>
        <button class="button" type="reset">
          Clear
        </button>
      </div>
    </form>
  );
}
