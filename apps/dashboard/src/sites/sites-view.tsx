import type { SiteSummary } from "@assent/core";
import { useState } from "preact/hooks";
import { createSite } from "../api";
import { useAdmin } from "../ui";

export interface SitesViewProps {
  sites: readonly SiteSummary[];
  onOpenSite: (key: string) => void;
}

/** Every site the user may see, and (for owners) a form to add one. */
export function SitesView({ sites, onOpenSite }: SitesViewProps) {
  const { ownsASite } = useAdmin();
  return (
    <div class="sites-view">
      {sites.length === 0 ? (
        <p>Your account is not a member of any site yet. Ask a site owner to add you.</p>
      ) : (
        <ul class="site-list">
          {sites.map((site) => (
            <li key={site.key}>
              <a
                href={`?site=${site.key}&view=overview`}
                onClick={(event) => {
                  event.preventDefault();
                  onOpenSite(site.key);
                }}
              >
                {site.name}
              </a>{" "}
              <code>{site.key}</code> <span class="role">{site.role}</span>
            </li>
          ))}
        </ul>
      )}
      {ownsASite && <NewSiteForm />}
    </div>
  );
}

function NewSiteForm() {
  const { failure, onSitesChanged } = useAdmin();
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError("");
    try {
      const created = await createSite({
        key: String(form.get("key") ?? "").trim(),
        name: String(form.get("name") ?? "").trim(),
      });
      onSitesChanged(created.key);
    } catch (caught) {
      setError(failure(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card-form" onSubmit={submit}>
      <h2>Add a site</h2>
      <div class="field">
        <label for="new-site-name">Name</label>
        <input id="new-site-name" name="name" required maxLength={120} />
      </div>
      <div class="field">
        <label for="new-site-key">Site key</label>
        <input
          id="new-site-key"
          name="key"
          required
          pattern="[a-z0-9][a-z0-9\-]{1,62}"
          aria-describedby="new-site-key-help"
        />
        <p id="new-site-key-help" class="help">
          Lower-case letters, digits and hyphens; it appears in the embed snippet.
        </p>
      </div>
      <p class="form-error" role="alert">
        {error}
      </p>
      <button class="button primary" type="submit" disabled={busy}>
        Add site
      </button>
    </form>
  );
}
