import type { SiteSummary } from "@assent/core";

export interface AppHeaderProps {
  email: string;
  sites: readonly SiteSummary[];
  site: string | undefined;
  /** Whether the account view is the one shown. */
  accountOpen: boolean;
  onSiteChange: (key: string) => void;
  onOpenAccount: () => void;
  onSignOut: () => void;
}

/**
 * Product name, site picker (when there is a choice), the signed-in user, a link to their
 * account (password and sessions) and "Sign out".
 */
export function AppHeader({
  email,
  sites,
  site,
  accountOpen,
  onSiteChange,
  onOpenAccount,
  onSignOut,
}: AppHeaderProps) {
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
        <a
          class="account-link"
          href="?view=account"
          aria-current={accountOpen ? "page" : undefined}
          onClick={(event) => {
            event.preventDefault();
            onOpenAccount();
          }}
        >
          Account
        </a>
        <button class="button" type="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
