import type { SiteSettings } from "@assent/core";
import { useState } from "preact/hooks";
import { cancelRetentionChange } from "../api";
import { useAdmin } from "../ui";

export interface RetentionScheduleProps {
  settings: SiteSettings;
  onSettings: (settings: SiteSettings) => void;
}

/** A scheduled lowering of retention: what, when, who asked, and (for owners) a way to cancel. */
export function RetentionSchedule({ settings, onSettings }: RetentionScheduleProps) {
  const { site, can, failure } = useAdmin();
  const [error, setError] = useState("");
  const change = settings.scheduledRetention;
  if (!change) return null;

  const cancel = async () => {
    setError("");
    try {
      onSettings(await cancelRetentionChange(site.key));
    } catch (caught) {
      setError(failure(caught));
    }
  };

  const date = new Date(change.effectiveAt).toLocaleDateString();
  return (
    <div class="notice" data-testid="retention-schedule">
      <p>
        Retention will drop to {change.retentionDays} days on {date}
        {change.minRetentionDays !== settings.minRetentionDays &&
          `, and the declared minimum to ${change.minRetentionDays} days`}
        {change.requestedBy && ` (asked by ${change.requestedBy})`}. Until then receipts are kept
        for {settings.retentionDays} days.
      </p>
      {can("owner") && (
        <button class="button" type="button" onClick={cancel}>
          Cancel the change
        </button>
      )}
      <p class="form-error" role="alert">
        {error}
      </p>
    </div>
  );
}
