import type { AdminSession } from "@assent/core";
import { useEffect, useRef, useState } from "preact/hooks";
import { signIn, userMessage } from "../api";

export interface SignInViewProps {
  /** Called with the new session once the API accepts the credentials. */
  onSignedIn: (session: AdminSession) => void;
  /** Why the user is here, e.g. their session ended. Read out with the first field. */
  notice?: string;
  /** Email to fill in, e.g. the one whose session just ended; the password field gets focus. */
  email?: string;
}

/** The sign-in form. Errors from the API are shown, and announced, in an alert region. */
export function SignInView({ onSignedIn, notice, email }: SignInViewProps) {
  const [error, setError] = useState("");
  const busy = useRef(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = "Sign in · Assent";
    (email ? passwordInput : emailInput).current?.focus();
  }, [email]);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy.current) return;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    busy.current = true;
    setError("");
    try {
      const session = await signIn({
        email: String(form.get("email") ?? "").trim(),
        password: String(form.get("password") ?? ""),
      });
      onSignedIn(session);
    } catch (caught) {
      setError(userMessage(caught));
      passwordInput.current?.select();
      passwordInput.current?.focus();
    } finally {
      busy.current = false;
    }
  }

  return (
    <main class="sign-in">
      <div class="card">
        <p class="brand">Assent</p>
        <h1>Sign in to the dashboard</h1>
        {notice && (
          <p id="sign-in-notice" class="notice" role="status">
            {notice}
          </p>
        )}
        <form onSubmit={submit}>
          <div class="field">
            <label for="sign-in-email">Email</label>
            <input
              ref={emailInput}
              id="sign-in-email"
              name="email"
              type="email"
              autocomplete="username"
              required
              defaultValue={email}
              aria-describedby={notice && !email ? "sign-in-notice" : undefined}
            />
          </div>
          <div class="field">
            <label for="sign-in-password">Password</label>
            <input
              ref={passwordInput}
              id="sign-in-password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              aria-describedby={notice && email ? "sign-in-notice" : undefined}
            />
          </div>
          <p class="form-error" role="alert">
            {error}
          </p>
          <button class="button primary" type="submit">
            Sign in
          </button>
        </form>
      </div>
    </main>
  );
}
