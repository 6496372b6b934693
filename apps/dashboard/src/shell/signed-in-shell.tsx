import type { AdminSession, SiteSummary } from "@assent/core";
import { useEffect, useRef, useState } from "preact/hooks";
import { AccountView } from "../account";
import { isSessionEnded, listSites, signOut, userMessage } from "../api";
import { AdminContext } from "../ui";
import { AppHeader } from "./app-header";
import { initialSite, initialView, rememberPlace } from "./site-in-url";
import { SiteNav } from "./site-nav";
import { SiteSection } from "./site-section";
import { ALL_VIEWS, VIEW_LABELS, type View } from "./views";

export interface SignedInShellProps {
  session: AdminSession;
  onSignedOut: () => void;
  /** After "Sign out of every session": this session ended with the others. */
  onSignedOutEverywhere: () => void;
  onSessionEnded: () => void;
}

/** The main heading of a view: the site's name before a section of it. */
function headingOf(view: View, site: SiteSummary | undefined): string {
  if (view === "sites" || view === "account") return VIEW_LABELS[view];
  return `${site?.name ?? ""}: ${VIEW_LABELS[view]}`;
}

/** Everything a signed-in user sees: the header, the sections their role allows, the view. */
export function SignedInShell({
  session,
  onSignedOut,
  onSignedOutEverywhere,
  onSessionEnded,
}: SignedInShellProps) {
  const [sites, setSites] = useState<SiteSummary[]>(session.sites);
  const [site, setSite] = useState(() => initialSite(session.sites));
  const [view, setView] = useState<View>(() =>
    initialView(ALL_VIEWS, session.sites.length > 0 ? "records" : "sites"),
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

  // A section of a site needs a site; the list of sites and the account do not.
  const shown: View = current || view === "sites" || view === "account" ? view : "sites";
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader
        email={session.user.email}
        sites={sites}
        site={site}
        accountOpen={shown === "account"}
        onSiteChange={(key) =>
          navigate(view === "sites" || view === "account" ? "overview" : view, key)
        }
        onOpenAccount={() => navigate("account")}
        onSignOut={signOutNow}
      />
      <SiteNav view={shown} role={current?.role} onNavigate={(v) => navigate(v)} />
      <main id="main">
        <p class="sign-out-error" role="alert">
          {error}
        </p>
        <h1 ref={heading} tabindex={-1}>
          {headingOf(shown, current)}
        </h1>
        {current && shown !== "sites" && shown !== "account" && (
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
          {shown === "account" ? (
            <AccountView onSignedOutEverywhere={onSignedOutEverywhere} />
          ) : (
            <SiteSection
              key={`${shown}:${site}`}
              view={shown}
              sites={sites}
              onOpenSite={(key) => navigate("overview", key)}
            />
          )}
        </AdminContext.Provider>
      </main>
    </>
  );
}
