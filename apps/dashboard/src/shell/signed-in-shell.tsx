import type { AdminSession } from "@assent/core";
import { useEffect, useRef, useState } from "preact/hooks";
import { isSessionEnded, signOut, userMessage } from "../api";
import { RecordsView } from "../records";
import { AppHeader } from "./app-header";
import { initialSite, rememberSite } from "./site-in-url";

export interface SignedInShellProps {
  session: AdminSession;
  onSignedOut: () => void;
  onSessionEnded: () => void;
}

/** Everything a signed-in user sees: the header and the selected site's records. */
export function SignedInShell({ session, onSignedOut, onSessionEnded }: SignedInShellProps) {
  const [site, setSite] = useState(() => initialSite(session.sites));
  const [error, setError] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const current = session.sites.find((s) => s.key === site);

  useEffect(() => {
    document.title = "Consent records · Assent";
    heading.current?.focus();
  }, []);

  const chooseSite = (key: string) => {
    setSite(key);
    rememberSite(key);
  };

  const signOutNow = async () => {
    setError("");
    try {
      await signOut();
      onSignedOut();
    } catch (caught) {
      if (isSessionEnded(caught)) onSignedOut();
      else setError(userMessage(caught));
    }
  };

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader
        email={session.user.email}
        sites={session.sites}
        site={site}
        onSiteChange={chooseSite}
        onSignOut={signOutNow}
      />
      <main id="main">
        <p class="sign-out-error" role="alert">
          {error}
        </p>
        <h1 ref={heading} tabindex={-1}>
          {current?.name ?? "No sites yet"}
        </h1>
        {current && (
          <p class="site-key">
            Site key <code>{current.key}</code>
          </p>
        )}
        {current ? (
          <RecordsView key={current.key} site={current.key} onSessionEnded={onSessionEnded} />
        ) : (
          <p>Your account is not a member of any site yet. Ask a site owner to add you.</p>
        )}
      </main>
    </>
  );
}
