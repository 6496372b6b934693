import { EXPORT_FORMATS, type ExportFormat } from "@assent/core";
import { useEffect, useRef, useState } from "preact/hooks";
import { apiStream, filterParams } from "../api";
import { useAdmin } from "../ui";
import { type ExportProgress, exportFileName, formatBytes, readWholeExport } from "./read-export";

const FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: "CSV (spreadsheets)",
  ndjson: "NDJSON (one receipt a line)",
  iso27560: "ISO/IEC TS 27560 JSON",
};

type State =
  | { step: "idle" }
  | { step: "running"; progress: ExportProgress }
  | { step: "done"; progress: ExportProgress; url: string; name: string }
  | { step: "error"; message: string };

/** Streamed exports of a time range, with progress, offered as a file at the end. */
export function ExportsView() {
  const { site, failure } = useAdmin();
  const [state, setState] = useState<State>({ step: "idle" });
  const controller = useRef<AbortController | null>(null);
  const fileLink = useRef<HTMLAnchorElement>(null);

  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    if (state.step === "done") fileLink.current?.focus();
    return () => {
      if (state.step === "done") URL.revokeObjectURL(state.url);
    };
  }, [state]);

  const start = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const format = String(form.get("format")) as ExportFormat;
    const from = String(form.get("from") ?? "");
    const to = String(form.get("to") ?? "");
    const params = filterParams(site.key, {
      from: from ? `${from}T00:00:00Z` : undefined,
      to: to ? `${to}T23:59:59.999Z` : undefined,
    });
    params.set("format", format);
    controller.current?.abort();
    controller.current = new AbortController();
    setState({ step: "running", progress: { bytes: 0, rows: 0 } });
    const signal = controller.current.signal;
    // A part that is not the last ends with a continuation marker: the next is asked for with
    // its cursor, and the parts become one file.
    const fetchPart = (cursor: string | null) => {
      const part = new URLSearchParams(params);
      if (cursor) part.set("cursor", cursor);
      return apiStream(`/v1/admin/exports?${part}`, signal);
    };
    try {
      const { file, response } = await readWholeExport(fetchPart, format, (progress) =>
        setState({ step: "running", progress }),
      );
      const name = exportFileName(response, `assent-${site.key}.${format}`);
      setState((s) => ({
        step: "done",
        progress: s.step === "running" ? s.progress : { bytes: file.size, rows: 0 },
        url: URL.createObjectURL(file),
        name,
      }));
    } catch (caught) {
      if (caught instanceof DOMException && caught.name === "AbortError") return;
      setState({ step: "error", message: failure(caught) });
    }
  };

  return (
    <div class="exports-view">
      <form class="card-form" onSubmit={start}>
        <h2>Export consent records</h2>
        <fieldset>
          <legend>Format</legend>
          {EXPORT_FORMATS.map((format, i) => (
            <div class="choice" key={format}>
              <input
                type="radio"
                id={`export-${format}`}
                name="format"
                value={format}
                defaultChecked={i === 0}
              />
              <label for={`export-${format}`}>{FORMAT_LABELS[format]}</label>
            </div>
          ))}
        </fieldset>
        <div class="filter-grid">
          <div class="field">
            <label for="export-from">From (UTC)</label>
            <input id="export-from" name="from" type="date" />
          </div>
          <div class="field">
            <label for="export-to">To (UTC)</label>
            <input id="export-to" name="to" type="date" />
          </div>
        </div>
        <button class="button primary" type="submit" disabled={state.step === "running"}>
          Start export
        </button>
      </form>
      <div class="export-progress" role="status" aria-live="polite">
        {state.step === "running" &&
          `Receiving… ${formatBytes(state.progress.bytes)}, ${state.progress.rows} rows`}
        {state.step === "done" &&
          `Export complete: ${state.progress.rows} rows, ${formatBytes(state.progress.bytes)}.`}
      </div>
      {state.step === "running" && <progress class="export-bar" aria-label="Export progress" />}
      {state.step === "done" && (
        <a ref={fileLink} class="button primary" href={state.url} download={state.name}>
          Save {state.name}
        </a>
      )}
      {state.step === "error" && state.message && (
        <p class="form-error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
