import { RETENTION_GRACE_DAYS, type SiteSettings, type SiteUpdateRequest } from "@assent/core";
import { useState } from "preact/hooks";
import { updateSiteSettings } from "../api";
import { useAdmin } from "../ui";
import { RetentionSchedule } from "./retention-schedule";

export interface SiteAccessFormProps {
  settings: SiteSettings;
  /** Called with the settings a change or a cancellation answered. */
  onSettings: (settings: SiteSettings) => void;
}

/** The retention fields that differ from the settings (unchanged ones are not sent). */
function retentionChange(form: FormData, settings: SiteSettings): SiteUpdateRequest {
  const change: SiteUpdateRequest = {};
  const retention = Number(form.get("retention"));
  const minimum = Number(form.get("minRetention"));
  if (retention !== settings.retentionDays) change.retentionDays = retention;
  if (minimum !== settings.minRetentionDays) change.minRetentionDays = minimum;
  return change;
}

/** Allowed origins, IP handling and retention: the site's settings outside the banner. */
export function SiteAccessForm({ settings, onSettings }: SiteAccessFormProps) {
  const { site, can, failure } = useAdmin();
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const origins = String(form.get("origins") ?? "")
      .split(/\s+/)
      .filter(Boolean);
    setMessage("");
    setError("");
    try {
      const saved = await updateSiteSettings(site.key, {
        allowedOrigins: origins,
        ipMode: String(form.get("ipMode")) as SiteSettings["ipMode"],
        ...(can("owner") ? retentionChange(form, settings) : {}),
      });
      onSettings(saved);
      const scheduled = !settings.scheduledRetention && saved.scheduledRetention;
      setMessage(
        scheduled
          ? `Site settings saved. Retention will drop to ${scheduled.retentionDays} days on ${new Date(scheduled.effectiveAt).toLocaleDateString()}; you can cancel until then.`
          : "Site settings saved.",
      );
    } catch (caught) {
      setError(failure(caught));
    }
  };

  return (
    <form class="card-form" onSubmit={save} aria-labelledby="access-heading">
      <h2 id="access-heading">Origins, IP addresses and retention</h2>
      <fieldset disabled={!can("admin")}>
        <legend class="visually-hidden">Site settings</legend>
        <div class="field">
          <label for="allowed-origins">Allowed origins (one a line)</label>
          <textarea
            id="allowed-origins"
            name="origins"
            rows={3}
            defaultValue={settings.allowedOrigins.join("\n")}
            aria-describedby="origins-help"
          />
          <p id="origins-help" class="help">
            Pages on these origins may send receipts, e.g. https://www.example.org.
          </p>
        </div>
        <div class="field">
          <label for="ip-mode">IP addresses</label>
          <select id="ip-mode" name="ipMode" defaultValue={settings.ipMode}>
            <option value="truncate">Keep truncated (/24, /48)</option>
            <option value="none">Do not keep</option>
          </select>
        </div>
        <div class="field">
          <label for="retention">Keep receipts for (days)</label>
          <input
            id="retention"
            name="retention"
            type="number"
            min={1}
            max={3650}
            defaultValue={String(settings.retentionDays)}
            disabled={!can("owner")}
            aria-describedby="retention-help"
          />
          <p id="retention-help" class="help">
            Only owners change retention. Six years (2190 days) covers most limitation periods. It
            is never shorter than the banner remembers a decision: a receipt is kept as long as the
            decision it proves may be in force. Lowering it takes effect {RETENTION_GRACE_DAYS} days
            later and can be cancelled until then; API tokens can only raise it.
          </p>
        </div>
        <div class="field">
          <label for="min-retention">Declared minimum retention (days)</label>
          <input
            id="min-retention"
            name="minRetention"
            type="number"
            min={1}
            max={3650}
            defaultValue={String(settings.minRetentionDays)}
            disabled={!can("owner")}
            aria-describedby="min-retention-help"
          />
          <p id="min-retention-help" class="help">
            What the site's privacy policy promises. Retention cannot go below it; lowering it is
            scheduled like lowering retention.
          </p>
        </div>
        <RetentionSchedule settings={settings} onSettings={onSettings} />
        <button class="button primary" type="submit">
          Save site settings
        </button>
      </fieldset>
      <p role="status">{message}</p>
      <p class="form-error" role="alert">
        {error}
      </p>
    </form>
  );
}
