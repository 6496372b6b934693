import { type AdminSession, type InvitationDetails, PASSWORD_MIN_LENGTH } from "@assent/core";
import { useEffect, useState } from "preact/hooks";
import { acceptInvitation, inspectInvitation, signIn, userMessage } from "../api";

export interface AcceptInvitationViewProps {
  /** The one-time token from the invitation link. */
  token: string;
  /** Called with the session once the invitation is accepted and the person signed in. */
  onSignedIn: (session: AdminSession) => void;
  /** Leaves the invitation for the sign-in form. */
  onLeave: () => void;
}

/**
 * Where an invitation link leads: the site, the address and the role, and one password field.
 * An address with an account enters that account's password; one without chooses a password
 * and so makes the account. The page looks the same either way: it does not know which.
 */
export function AcceptInvitationView({ token, onSignedIn, onLeave }: AcceptInvitationViewProps) {
  const [details, setDetails] = useState<InvitationDetails | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = "Invitation · Assent";
    inspectInvitation(token).then(setDetails, (caught: unknown) => setError(userMessage(caught)));
  }, [token]);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy || !details) return;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "").trim();
    setBusy(true);
    setError("");
    try {
      await acceptInvitation({ token, password, ...(name ? { name } : {}) });
      onSignedIn(await signIn({ email: details.email, password }));
    } catch (caught) {
      setError(userMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in">
      <div class="card">
        <p class="brand">Assent</p>
        <h1>{details ? `Join ${details.site.name}` : "Invitation"}</h1>
        {details && (
          <form onSubmit={submit}>
            <p>
              You are invited as <strong>{details.email}</strong> with the role{" "}
              <strong>{details.role}</strong>, until{" "}
              {new Date(details.expiresAt).toLocaleDateString()}.
            </p>
            <div class="field">
              <label for="invitation-password">Password</label>
              <input
                id="invitation-password"
                name="password"
                type="password"
                autocomplete="current-password"
                minLength={PASSWORD_MIN_LENGTH}
                required
                aria-describedby="invitation-password-help"
              />
              <p id="invitation-password-help" class="help">
                If you already have an account for this address, its password. If not, choose one
                (at least {PASSWORD_MIN_LENGTH} characters).
              </p>
            </div>
            <div class="field">
              <label for="invitation-name">Your name (for a new account)</label>
              <input id="invitation-name" name="name" autocomplete="name" />
            </div>
            <button class="button primary" type="submit" aria-disabled={busy}>
              Join {details.site.name}
            </button>
          </form>
        )}
        <p class="form-error" role="alert">
          {error}
        </p>
        <button class="button" type="button" onClick={onLeave}>
          Go to sign-in
        </button>
      </div>
    </main>
  );
}
