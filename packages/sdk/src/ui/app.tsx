import type { UiHost } from "../contract";
import type { HistoryEntry } from "../transport";
import { Banner } from "./banner";
import { Preferences } from "./preferences";
import type { Texts } from "./texts";

/** Which layer is showing. */
export type View = "banner" | "preferences" | null;

/** Props of the UI root. */
export interface AppProps {
  host: UiHost;
  t: Texts;
  language: string;
  view: View;
  /** The visitor has no valid decision yet: closing the preference centre goes back to the banner. */
  undecided: boolean;
  setView(view: View): void;
  loadHistory(): Promise<HistoryEntry[]>;
}

/** The UI root: the banner or the preference centre, never both. */
export function App({ host, t, language, view, undecided, setView, loadHistory }: AppProps) {
  if (!view) return null;
  const { config } = host;
  const decided = (fn: () => void) => () => {
    fn();
    setView(null);
  };
  const acceptAll = decided(() => host.choose("accept-all"));
  const rejectAll = decided(() => host.choose("reject-all"));
  return view === "banner" ? (
    <Banner
      config={config}
      t={t}
      modal={config.ui?.position === "modal"}
      reconsent={host.reconsent}
      gpc={host.gpc}
      onAcceptAll={acceptAll}
      onRejectAll={rejectAll}
      onManage={() => setView("preferences")}
    />
  ) : (
    <Preferences
      config={config}
      t={t}
      language={language}
      initial={host.decision()}
      consentId={host.consentId()}
      gpc={host.gpc}
      loadHistory={loadHistory}
      onAcceptAll={acceptAll}
      onRejectAll={rejectAll}
      onSave={(choice) => decided(() => host.choose("custom", choice))()}
      onClose={() => setView(undecided ? "banner" : null)}
    />
  );
}
