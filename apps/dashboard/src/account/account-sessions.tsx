import type { AccountSession } from "@assent/core";
import { useState } from "preact/hooks";
import { signOutEverywhere } from "../api";
import { ConfirmDialog, type Loaded, LoadState, useAdmin } from "../ui";

export interface AccountSessionsProps {
  sessions: Loaded<AccountSession[]>;
  /** Called once every session, this one included, has been ended. */
  onSignedOutEverywhere: () => void;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const when = (iso: string | null) => (iso ? dateTime.format(new Date(iso)) : "—");

/** How many sessions are open, in words. */
export function openSessionsText(count: number): string {
  if (count <= 1) return "This is your only open session.";
  return `You have ${count} open sessions, this one included.`;
}

/** Where the person is signed in, and "Sign out of every session", confirmed first. */
export function AccountSessions({ sessions, onSignedOutEverywhere }: AccountSessionsProps) {
  const { email, failure } = useAdmin();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState("");

  const endAll = async () => {
    setConfirming(false);
    setError("");
    try {
      await signOutEverywhere();
      onSignedOutEverywhere();
    } catch (caught) {
      setError(failure(caught));
    }
  };

  const list = sessions.data;
  return (
    <section class="card-form account-sessions" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where you are signed in</h2>
      {!list ? (
        <LoadState loaded={sessions} what="your sessions" />
      ) : (
        <>
          <p data-testid="open-sessions">{openSessionsText(list.length)}</p>
          <section class="table-scroll" aria-labelledby="sessions-caption" tabindex={0}>
            <table class="figures">
              <caption id="sessions-caption">Your open sessions</caption>
              <thead>
                <tr>
                  <th scope="col">Signed in</th>
                  <th scope="col">Last active</th>
                  <th scope="col">Ends</th>
                </tr>
              </thead>
              <tbody>
                {list.map((session, i) => (
                  // Sessions have no public id; the list is replaced whole, never reordered.
                  <tr key={i} aria-current={session.current ? "true" : undefined}>
                    <th scope="row">
                      <time datetime={session.createdAt}>{when(session.createdAt)}</time>
                      {session.current && <strong> (this session)</strong>}
                    </th>
                    <td>{when(session.lastSeenAt)}</td>
                    <td>{when(session.expiresAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <p id="sign-out-everywhere-help" class="help">
        After a lost device, or if someone else may have used your account, end every session: each
        browser must sign in again, this one too, and every API token you made is revoked. If
        someone else may know your password, change it above instead: that ends every other session
        and revokes your tokens as well.
      </p>
      <p class="form-error" role="alert">
        {error}
      </p>
      <button
        class="button danger"
        type="button"
        aria-describedby="sign-out-everywhere-help"
        onClick={() => setConfirming(true)}
      >
        Sign out of every session
      </button>
      {confirming && (
        <ConfirmDialog
          title="Sign out of every session?"
          confirmLabel="Sign out everywhere"
          onConfirm={endAll}
          onCancel={() => setConfirming(false)}
        >
          <p>
            Every browser signed in as {email} is signed out, this one included, and must sign in
            again with the password. Every API token you made, on every site, is revoked.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
