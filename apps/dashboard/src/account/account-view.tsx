import { listAccountSessions } from "../api";
import { useAdmin, useLoad } from "../ui";
import { AccountSessions } from "./account-sessions";
import { ChangePasswordForm } from "./change-password-form";

export interface AccountViewProps {
  /** Called once every session, this one included, has been ended. */
  onSignedOutEverywhere: () => void;
}

/**
 * The signed-in person's own account, on no site in particular: changing the password (which
 * signs out every other session) and where they are signed in, with "Sign out of every session".
 */
export function AccountView({ onSignedOutEverywhere }: AccountViewProps) {
  const { email } = useAdmin();
  const sessions = useLoad(() => listAccountSessions(), "account");
  return (
    <div class="account-view">
      <p>
        Signed in as <strong>{email}</strong>.
      </p>
      <ChangePasswordForm onChanged={() => sessions.reload()} />
      <AccountSessions sessions={sessions} onSignedOutEverywhere={onSignedOutEverywhere} />
    </div>
  );
}
