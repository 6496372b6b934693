import type { AdminSession } from "@assent/core";
import { useCallback, useEffect, useState } from "preact/hooks";
import {
  forgetInvitationToken,
  getSession,
  invitationToken,
  isSessionEnded,
  userMessage,
} from "./api";
import { SignedInShell } from "./shell";
import { SignInView } from "./sign-in";
import { AcceptInvitationView } from "./users";

/** Shown on the sign-in form after any admin call answers 401. */
export const SESSION_ENDED_NOTICE = "Your session has ended; please sign in again";
/** Shown on the sign-in form after "Sign out". */
export const SIGNED_OUT_NOTICE = "You have signed out.";
/** Shown on the sign-in form after "Sign out of every session". */
export const SIGNED_OUT_EVERYWHERE_NOTICE =
  "You have signed out of every session, in every browser. Sign in again to continue.";

type AppState =
  | { view: "checking" }
  | { view: "signed-out"; notice?: string; email?: string }
  | { view: "signed-in"; session: AdminSession }
  | { view: "invitation"; token: string }
  | { view: "unavailable"; message: string };

/**
 * Asks the API who is signed in, then shows the sign-in form or the records; an invitation link
 * (`#invitation=TOKEN`) shows the invitation first.
 */
export function App() {
  const [state, setState] = useState<AppState>(() => {
    const token = invitationToken();
    return token ? { view: "invitation", token } : { view: "checking" };
  });

  const checkSession = useCallback((signal?: AbortSignal) => {
    setState({ view: "checking" });
    getSession(signal).then(
      (session) => setState({ view: "signed-in", session }),
      (error: unknown) => {
        if (signal?.aborted) return;
        if (isSessionEnded(error)) setState({ view: "signed-out" });
        else setState({ view: "unavailable", message: userMessage(error) });
      },
    );
  }, []);

  useEffect(() => {
    if (invitationToken()) return;
    const controller = new AbortController();
    checkSession(controller.signal);
    return () => controller.abort();
  }, [checkSession]);

  switch (state.view) {
    case "invitation":
      return (
        <AcceptInvitationView
          token={state.token}
          onSignedIn={(session) => {
            forgetInvitationToken();
            setState({ view: "signed-in", session });
          }}
          onLeave={() => {
            forgetInvitationToken();
            checkSession();
          }}
        />
      );
    case "checking":
      return (
        <main class="app-message">
          <p role="status">Loading…</p>
        </main>
      );
    case "unavailable":
      return (
        <main class="app-message">
          <div role="alert">
            <p>{state.message}</p>
          </div>
          <button class="button" type="button" onClick={() => checkSession()}>
            Try again
          </button>
        </main>
      );
    case "signed-out":
      return (
        <SignInView
          notice={state.notice}
          email={state.email}
          onSignedIn={(session) => setState({ view: "signed-in", session })}
        />
      );
    case "signed-in":
      return (
        <SignedInShell
          session={state.session}
          onSignedOut={() => setState({ view: "signed-out", notice: SIGNED_OUT_NOTICE })}
          onSignedOutEverywhere={() =>
            setState({ view: "signed-out", notice: SIGNED_OUT_EVERYWHERE_NOTICE })
          }
          onSessionEnded={() =>
            setState({
              view: "signed-out",
              notice: SESSION_ENDED_NOTICE,
              email: state.session.user.email,
            })
          }
        />
      );
  }
}
