import { Component } from "preact";
import type { HistoryEntry } from "../transport";
import type { Texts } from "./texts";

/** Props of the visitor's own record. */
export interface ConsentRecordProps {
  t: Texts;
  language: string;
  consentId: string | null;
  loadHistory(): Promise<HistoryEntry[]>;
}

/**
 * The visitor's consent ID and the receipts this browser kept, so they can cite them in an
 * access or erasure request.
 */
export class ConsentRecord extends Component<ConsentRecordProps, { history?: HistoryEntry[] }> {
  override componentDidMount() {
    void this.props.loadHistory().then((history) => this.setState({ history }));
  }

  override render({ t, language, consentId }: ConsentRecordProps) {
    const { history } = this.state;

    return (
      <section class="record" aria-labelledby="assent-record-title">
        <h3 id="assent-record-title">{t("consentId")}</h3>
        <p class="mono">{consentId ?? "-"}</p>
        <p>{t("consentIdHelp")}</p>
        <h3>{t("history")}</h3>
        {history &&
          (history.length ? (
            <ol class="history">
              {history.map((entry) => (
                <li key={entry.id}>
                  <time dateTime={entry.serverTime}>
                    {new Date(entry.serverTime).toLocaleString(language)}
                  </time>{" "}
                  {t(`method.${entry.method}`)}
                  {entry.granted.length > 0 &&
                    `: ${entry.granted.map((c) => t(`category.${c}`)).join(", ")}`}
                  <br />
                  <span class="mono">{entry.id}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p>{t("historyEmpty")}</p>
          ))}
      </section>
    );
  }
}
