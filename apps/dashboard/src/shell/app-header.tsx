import type { SiteSummary } from "@assent/core";

export interface AppHeaderProps {
  email: string;
  sites: readonly SiteSummary[];
  site: string | undefined;
  onSiteChange: (key: string) => void;
  onSignOut: () => void;
}

/** Product name, site picker (when there is a choice), the signed-in user and "Sign out". */
export function AppHeader({ email, sites, site, onSiteChange, onSignOut }: AppHeaderProps) {
  return (
    <header class="app-header">
      <span class="brand">Assent</span>
      {sites.length > 1 && (
        <div class="site-picker">
          <label for="site-picker">Site</label>
          <select
            id="site-picker"
            value={site}
            onChange={(event) => onSiteChange(event.currentTarget.value)}
          >
            {sites.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="account">
        <span class="user-email">{email}</span>
        <button class="button" type="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
