import { Component } from "preact";
import type { HistoryEntry } from "../transport";
import type { Texts } from "./texts";

/** Props of the visitor's own record. */
export interface ConsentRecordProps {
  t: Texts;
  language: string;
  consentId: string | null;
  loadHistory(): Promise<HistoryEntry[]>;
  /**
   * Downloads a receipt with its proof (`receiptFile`); resolves `false` while it is not in the
   * site's public log yet. Absent where there is no API to ask (the dashboard's preview).
   */
  downloadProof?(id: string): Promise<boolean>;
}

interface RecordState {
  history?: HistoryEntry[];
  /** The receipt whose proof is not in the log yet, or could not be fetched. */
  notice?: { id: string; text: string };
}

/**
 * The visitor's consent ID and the receipts this browser kept, so they can cite them in an
 * access or erasure request.
 */
export class ConsentRecord extends Component<ConsentRecordProps, RecordState> {
  override componentDidMount() {
    void this.props.loadHistory().then((history) => this.setState({ history }));
  }

  private async download(id: string) {
    const { t, downloadProof } = this.props;
    this.setState({ notice: undefined });
    try {
      if (!(await downloadProof?.(id))) {
        this.setState({ notice: { id, text: t("receiptProofPending") } });
      }
    } catch (err) {
      console.warn("[assent] receipt proof unavailable", err);
      this.setState({ notice: { id, text: t("receiptProofPending") } });
    }
  }

  override render({ t, language, consentId, downloadProof }: ConsentRecordProps) {
    const { history, notice } = this.state;

    return (
      <section class="record" aria-labelledby="assent-record-title">
        <h3 id="assent-record-title">{t("consentId")}</h3>
        <p class="mono">{consentId ?? "-"}</p>
        <p>{t("consentIdHelp")}</p>
        <h3>{t("history")}</h3>
        {history &&
          (history.length ? (
            // A live region, there before the notice it announces (one inserted with its text
            // goes unannounced); not the history it is shown with.
            <ol class="history" aria-live="polite">
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
                  {downloadProof && (
                    <>
                      {" "}
                      <button type="button" class="link" onClick={() => this.download(entry.id)}>
                        {t("receiptProof")}
                      </button>
                    </>
                  )}
                  {notice?.id === entry.id && <span> {notice.text}</span>}
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
