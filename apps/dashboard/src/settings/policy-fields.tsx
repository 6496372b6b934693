import { MAX_DECISION_DAYS, MIN_REFUSAL_DAYS, type SiteConfig } from "@assent/core";
import type { FieldsProps } from "./editor-props";

const num = (value: string, fallback: number) => {
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) ? fallback : n;
};

/** The policy links the banner shows, and how long an acceptance and a refusal are remembered. */
export function PolicyFields({ config, onChange }: FieldsProps) {
  const set = (patch: Partial<SiteConfig>) => onChange({ ...config, ...patch });
  const setExpiry = (key: keyof SiteConfig["expiry"], value: string) =>
    set({ expiry: { ...config.expiry, [key]: num(value, config.expiry[key]) } });
  return (
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
            max={MAX_DECISION_DAYS}
            value={config.expiry.acceptedDays}
            onInput={(e) => setExpiry("acceptedDays", e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="rejected-days">Ask again after a refusal (days)</label>
          <input
            id="rejected-days"
            type="number"
            min={MIN_REFUSAL_DAYS}
            max={MAX_DECISION_DAYS}
            value={config.expiry.rejectedDays}
            onInput={(e) => setExpiry("rejectedDays", e.currentTarget.value)}
          />
        </div>
      </div>
    </fieldset>
  );
}
