import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordChanged } from "@assent/core";
import { useRef, useState } from "preact/hooks";
import { ApiRequestError, changePassword } from "../api";
import { useAdmin } from "../ui";

export interface ChangePasswordFormProps {
  /** Called after the change, with how many other sessions it ended. */
  onChanged: (result: PasswordChanged) => void;
}

/** What a change did to the person's other sessions, in words. */
export function endedSessionsText(count: number): string {
  if (count === 0) return "No other session was open.";
  return count === 1
    ? "Your 1 other session was signed out."
    : `Your ${count} other sessions were signed out.`;
}

/** What a change did to the person's API tokens, in words (nothing when they had none). */
export function revokedTokensText(count: number): string {
  if (count === 0) return "";
  return count === 1
    ? " Your API token was revoked: make a new one where you need it."
    : ` Your ${count} API tokens were revoked: make new ones where you need them.`;
}

/**
 * The current password, a new one and its confirmation, with the attributes password managers
 * read (the account's address as a hidden username, `current-password`, `new-password`).
 * Mismatched or unchanged new passwords are caught before anything is sent; the API's refusals
 * (a wrong current password, too many attempts, a weak new one) are shown in the alert region.
 */
export function ChangePasswordForm({ onChanged }: ChangePasswordFormProps) {
  const { email, failure } = useAdmin();
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  const [busy, setBusy] = useState(false);
  const currentInput = useRef<HTMLInputElement>(null);
  const newInput = useRef<HTMLInputElement>(null);
  const confirmInput = useRef<HTMLInputElement>(null);

  const refuse = (message: string, field: { current: HTMLInputElement | null }) => {
    setError(message);
    field.current?.select();
    field.current?.focus();
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    setError("");
    setNotice("");
    if (newPassword !== String(form.get("confirmPassword") ?? "")) {
      return refuse("The new password and its confirmation are not the same.", confirmInput);
    }
    if (newPassword === currentPassword) {
      return refuse("Choose a new password, not the current one.", newInput);
    }
    setBusy(true);
    try {
      const result = await changePassword({ currentPassword, newPassword });
      formElement.reset();
      setNotice(
        `Your password has been changed. ${endedSessionsText(result.otherSessionsEnded)}${revokedTokensText(result.tokensRevoked)}`,
      );
      onChanged(result);
    } catch (caught) {
      const message = failure(caught);
      if (caught instanceof ApiRequestError && caught.code === "WRONG_PASSWORD") {
        refuse(message, currentInput);
      } else setError(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card-form account-password" onSubmit={submit} aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      {/* For password managers: which account the new password belongs to. */}
      <input type="email" name="username" autocomplete="username" value={email} readOnly hidden />
      <div class="field">
        <label for="account-current-password">Current password</label>
        <input
          ref={currentInput}
          id="account-current-password"
          name="currentPassword"
          type="password"
          autocomplete="current-password"
          maxLength={PASSWORD_MAX_LENGTH}
          required
        />
      </div>
      <div class="field">
        <label for="account-new-password">New password</label>
        <input
          ref={newInput}
          id="account-new-password"
          name="newPassword"
          type="password"
          autocomplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          required
          aria-describedby="account-new-password-help"
        />
        <p id="account-new-password-help" class="help">
          At least {PASSWORD_MIN_LENGTH} characters. Changing it signs you out everywhere else; this
          browser stays signed in.
        </p>
      </div>
      <div class="field">
        <label for="account-confirm-password">Confirm the new password</label>
        <input
          ref={confirmInput}
          id="account-confirm-password"
          name="confirmPassword"
          type="password"
          autocomplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          required
        />
      </div>
      <p class="form-error" role="alert">
        {error}
      </p>
      <p role="status">{notice}</p>
      <button class="button primary" type="submit" aria-disabled={busy}>
        Change password
      </button>
    </form>
  );
}
