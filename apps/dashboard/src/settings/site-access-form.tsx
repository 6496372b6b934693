import type { SiteSettings } from "@assent/core";
import { useState } from "preact/hooks";
import { updateSiteSettings } from "../api";
import { useAdmin } from "../ui";

/** Allowed origins, IP handling and retention: the site's settings outside the banner. */
export function SiteAccessForm({ settings }: { settings: SiteSettings }) {
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
      await updateSiteSettings(site.key, {
        allowedOrigins: origins,
        ipMode: String(form.get("ipMode")) as SiteSettings["ipMode"],
        ...(can("owner") ? { retentionDays: Number(form.get("retention")) } : {}),
      });
      setMessage("Site settings saved.");
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
            Only owners change retention. Six years (2190 days) covers most limitation periods.
          </p>
        </div>
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
