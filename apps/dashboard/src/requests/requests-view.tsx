import {
  type AccessReport,
  type ErasureResult,
  SUBJECT_ID,
  type SubjectRecords,
} from "@assent/core";
import { useRef, useState } from "preact/hooks";
import { eraseSubject, getSubject, getSubjectReport, listAudit } from "../api";
import { formatServerTime, RecordsTable } from "../records";
import { ConfirmDialog, saveFile, useAdmin } from "../ui";
import { AccessReportDocument } from "./access-report";
import { accessReportFile, accessReportFileName } from "./access-report-file";
import { ErasureReport } from "./erasure-report";

/**
 * Subject access (show and export everything held for a subject id on this site, and the
 * plain-language access report over every site of the admin) and erasure.
 */
export function RequestsView() {
  const { site, can, failure } = useAdmin();
  const [subject, setSubject] = useState<SubjectRecords | null>(null);
  const [report, setReport] = useState<AccessReport | null>(null);
  const [reportError, setReportError] = useState("");
  /** The subject id asked for last: an answer about an earlier one is dropped. */
  const asked = useRef("");
  const [error, setError] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [erasure, setErasure] = useState<{ result: ErasureResult; audit: unknown } | null>(null);

  const lookUp = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const id = String(form.get("subject") ?? "").trim();
    setErasure(null);
    setSubject(null);
    setReport(null);
    asked.current = id;
    if (!SUBJECT_ID.test(id)) {
      setError("A subject id is 22 letters, digits, - or _ (the visitor's consent ID).");
      return;
    }
    setError("");
    const reading = loadReport(id);
    try {
      const records = await getSubject(site.key, id);
      if (asked.current === id) setSubject(records);
    } catch (caught) {
      if (asked.current === id) setError(failure(caught));
    }
    await reading;
  };

  /** The access report over every site of the admin; a failure is shown beside it. */
  const loadReport = async (id: string) => {
    setReportError("");
    try {
      const answer = await getSubjectReport(id);
      if (asked.current === id) setReport(answer);
    } catch (caught) {
      if (asked.current === id) setReportError(failure(caught) || "The report could not be made.");
    }
  };

  const erase = async () => {
    if (!subject) return;
    setConfirming(false);
    try {
      const result = await eraseSubject(site.key, subject.subjectId);
      const log = await listAudit(site.key).catch(() => ({ items: [] }));
      setErasure({ result, audit: log.items.find((entry) => entry.id === result.auditId) });
      setSubject(await getSubject(site.key, subject.subjectId));
      setReport(null);
      await loadReport(subject.subjectId);
    } catch (caught) {
      setError(failure(caught));
    }
  };

  const exportJson = () => {
    if (!subject) return;
    const file = new Blob([JSON.stringify(subject, null, 2)], { type: "application/json" });
    saveFile(`assent-${site.key}-subject-${subject.subjectId}.json`, file);
  };

  const downloadReport = () => {
    if (report) saveFile(accessReportFileName(report), accessReportFile(report));
  };

  return (
    <div class="requests-view">
      <form class="card-form" onSubmit={lookUp}>
        <h2>Subject access and erasure</h2>
        <p class="help" id="subject-help">
          Visitors find their consent ID in the banner's preference centre.
        </p>
        <div class="field">
          <label for="subject-id">Subject id</label>
          <input
            id="subject-id"
            name="subject"
            autocomplete="off"
            required
            aria-describedby="subject-help"
          />
        </div>
        <p class="form-error" role="alert">
          {error}
        </p>
        <button class="button primary" type="submit">
          Find records
        </button>
      </form>
      {erasure && <ErasureReport result={erasure.result} audit={erasure.audit} />}
      {subject && (
        <section aria-labelledby="subject-heading">
          <h2 id="subject-heading">
            Records of <code>{subject.subjectId}</code>
          </h2>
          <p role="status">
            {subject.receipts.length === 0
              ? "No records are held for this subject id."
              : `${subject.held.toLocaleString("en")} ${subject.held === 1 ? "record" : "records"} held.`}
            {subject.held > subject.receipts.length &&
              ` Only the first ${subject.receipts.length.toLocaleString("en")} are listed here: export all of them from Records, filtered by this subject id.`}
            {subject.lastErasure &&
              ` ${subject.receipts.length === 0 ? "Its" : "Earlier"} records were erased on ${formatServerTime(subject.lastErasure.at)} (audit entry #${subject.lastErasure.auditId}).`}
          </p>
          {subject.receipts.length > 0 && <RecordsTable receipts={subject.receipts} loaded />}
          <div class="actions">
            {subject.receipts.length > 0 && (
              <button class="button" type="button" onClick={exportJson}>
                Export these records (JSON)
              </button>
            )}
            <button class="button" type="button" onClick={downloadReport} disabled={!report}>
              Download report
            </button>
            {can("admin") &&
              subject.receipts.length > 0 &&
              !subject.receipts.every((r) => r.erasedAt) && (
                <button class="button danger" type="button" onClick={() => setConfirming(true)}>
                  Erase this subject
                </button>
              )}
          </div>
        </section>
      )}
      {subject && (
        <section class="access-report" aria-labelledby="access-report-heading">
          <h2 id="access-report-heading">Access report</h2>
          <p class="help">
            What is held about this consent ID on every site you can read, in words the visitor can
            read. "Download report" saves it as a page to send them, without the sites that hold
            nothing.
          </p>
          {report ? (
            <AccessReportDocument report={report} level={3} />
          ) : (
            <p role={reportError ? "alert" : "status"}>{reportError || "Preparing the report…"}</p>
          )}
        </section>
      )}
      {confirming && subject && (
        <ConfirmDialog
          title="Erase this subject?"
          confirmLabel="Erase"
          onConfirm={erase}
          onCancel={() => setConfirming(false)}
        >
          <p>
            The subject id, IP address, user agent and page path of {subject.receipts.length}{" "}
            {subject.receipts.length === 1 ? "record" : "records"} will be removed for good. Each
            record, its decision and its signature stay as proof that it existed. This cannot be
            undone.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
