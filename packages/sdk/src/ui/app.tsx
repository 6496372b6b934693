import type { UiHost } from "../contract";
import { Banner } from "./banner";
import { Preferences } from "./preferences";
import { textsFor } from "./texts";

/** Which layer is showing. */
export type View = "banner" | "preferences" | null;

/** Props of the UI root. */
export interface AppProps {
  host: UiHost;
  view: View;
  setView(view: View): void;
}

/** The UI root: the banner or the preference centre, never both. */
export function App({ host, view, setView }: AppProps) {
  const t = textsFor(host.config, host.language);
  if (!view) return null;
  const decided = (fn: () => void) => () => {
    fn();
    setView(null);
  };
  const acceptAll = decided(() => host.choose("accept-all"));
  const rejectAll = decided(() => host.choose("reject-all"));
  return (
    <div class="root" dir="auto">
      {view === "banner" ? (
        <Banner
          config={host.config}
          t={t}
          onAcceptAll={acceptAll}
          onRejectAll={rejectAll}
          onManage={() => setView("preferences")}
        />
      ) : (
        <Preferences
          config={host.config}
          t={t}
          initial={host.decision()}
          consentId={host.consentId()}
          onAcceptAll={acceptAll}
          onRejectAll={rejectAll}
          onSave={(choice) => {
            host.choose("custom", choice);
            setView(null);
          }}
          onClose={() => setView(host.decision() ? null : "banner")}
        />
      )}
    </div>
  );
}
