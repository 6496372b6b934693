import type { AdminSession, SiteSummary } from "@assent/core";
import { useEffect, useRef, useState } from "preact/hooks";
import { isSessionEnded, listSites, signOut, userMessage } from "../api";
import { AdminContext } from "../ui";
import { AppHeader } from "./app-header";
import { initialSite, initialView, rememberPlace } from "./site-in-url";
import { SiteNav } from "./site-nav";
import { SiteSection } from "./site-section";
import { VIEW_LABELS, VIEWS, type View } from "./views";

export interface SignedInShellProps {
  session: AdminSession;
  onSignedOut: () => void;
  onSessionEnded: () => void;
}

/** Everything a signed-in user sees: the header, the sections their role allows, the view. */
export function SignedInShell({ session, onSignedOut, onSessionEnded }: SignedInShellProps) {
  const [sites, setSites] = useState<SiteSummary[]>(session.sites);
  const [site, setSite] = useState(() => initialSite(session.sites));
  const [view, setView] = useState<View>(() =>
    initialView(VIEWS, session.sites.length > 0 ? "records" : "sites"),
  );
  const [error, setError] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const current = sites.find((s) => s.key === site);

  useEffect(() => {
    document.title = `${VIEW_LABELS[view]} · Assent`;
    heading.current?.focus();
  }, [view, site]);

  const navigate = (next: View, key = site) => {
    setView(next);
    setSite(key);
    rememberPlace(key, next);
  };

  const sitesChanged = async (select?: string) => {
    try {
      const list = await listSites();
      setSites(list);
      if (select) navigate("settings", select);
    } catch (caught) {
      if (isSessionEnded(caught)) onSessionEnded();
      else setError(userMessage(caught));
    }
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

  const shown: View = current || view === "sites" ? view : "sites";
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader
        email={session.user.email}
        sites={sites}
        site={site}
        onSiteChange={(key) => navigate(view === "sites" ? "overview" : view, key)}
        onSignOut={signOutNow}
      />
      <SiteNav view={shown} role={current?.role} onNavigate={(v) => navigate(v)} />
      <main id="main">
        <p class="sign-out-error" role="alert">
          {error}
        </p>
        <h1 ref={heading} tabindex={-1}>
          {shown === "sites" ? "Sites" : `${current?.name ?? ""}: ${VIEW_LABELS[shown]}`}
        </h1>
        {current && shown !== "sites" && (
          <p class="site-key">
            Site key <code>{current.key}</code> · your role: {current.role}
          </p>
        )}
        <AdminContext.Provider
          value={{
            site: current ?? { key: "", name: "", role: "viewer" },
            email: session.user.email,
            ownsASite: sites.some((s) => s.role === "owner"),
            onSessionEnded,
            onSitesChanged: sitesChanged,
          }}
        >
          <SiteSection
            key={`${shown}:${site}`}
            view={shown}
            sites={sites}
            onOpenSite={(key) => navigate("overview", key)}
          />
        </AdminContext.Provider>
      </main>
    </>
  );
}
