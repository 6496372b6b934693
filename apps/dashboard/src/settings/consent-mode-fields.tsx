import type { SiteConfig } from "@assent/core";

/** Props of the privacy-signal settings. */
export interface ConsentModeFieldsProps {
  config: SiteConfig;
  onChange: (config: SiteConfig) => void;
}

const REGION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

/**
 * Google Consent Mode options (basic or advanced mode, regions, ads data redaction, URL
 * passthrough) and how Global Privacy Control is honoured.
 */
export function ConsentModeFields({ config, onChange }: ConsentModeFieldsProps) {
  const mode = config.consentMode ?? {};
  const set = (patch: NonNullable<SiteConfig["consentMode"]>) =>
    onChange({ ...config, consentMode: { ...mode, ...patch } });
  return (
    <fieldset>
      <legend>Google Consent Mode and privacy signals</legend>
      <div class="filter-grid">
        <div class="field">
          <label for="gcm-mode">Consent Mode</label>
          <select
            id="gcm-mode"
            value={mode.mode ?? "basic"}
            onChange={(e) => set({ mode: e.currentTarget.value as "basic" | "advanced" })}
            aria-describedby="gcm-mode-help"
          >
            <option value="basic">Basic: Google's tags wait for consent</option>
            <option value="advanced">Advanced: tags load and send cookieless pings</option>
          </select>
          <p id="gcm-mode-help" class="help">
            Basic is the safe default: nothing of Google's loads before the visitor agrees.
          </p>
        </div>
        <div class="field">
          <label for="gcm-regions">Extra regional defaults (optional)</label>
          <input
            id="gcm-regions"
            type="text"
            placeholder="GB, FR, US-CA"
            aria-describedby="gcm-regions-help"
            value={(mode.regions ?? []).join(", ")}
            onChange={(e) => {
              const regions = e.currentTarget.value
                .split(/[\s,]+/)
                .map((r) => r.trim().toUpperCase())
                .filter((r) => REGION.test(r));
              set({ regions: regions.length ? regions : undefined });
            }}
          />
          <p id="gcm-regions-help" class="help">
            Every visitor gets a denied default, wherever they are. Regions listed here get a
            region-scoped denied default on top of it.
          </p>
        </div>
      </div>
      <div class="choice">
        <input
          id="gcm-redaction"
          type="checkbox"
          checked={mode.adsDataRedaction === true}
          onChange={(e) => set({ adsDataRedaction: e.currentTarget.checked })}
        />
        <label for="gcm-redaction">Redact ads data while advertising is denied</label>
      </div>
      <div class="choice">
        <input
          id="gcm-passthrough"
          type="checkbox"
          checked={mode.urlPassthrough === true}
          onChange={(e) => set({ urlPassthrough: e.currentTarget.checked })}
        />
        <label for="gcm-passthrough">Pass ad click information through URLs</label>
      </div>
      <p class="help">
        Global Privacy Control is always honoured: for a visitor whose browser sends it, marketing
        starts denied (even on "Accept all"), the banner says so, and every receipt records the
        signal.
      </p>
    </fieldset>
  );
}
