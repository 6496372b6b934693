import type { AdminReceipt, ExportFormat } from "@assent/core";

/** Columns of the CSV export, in order. */
export const CSV_COLUMNS = [
  "id",
  "serverTime",
  "subjectId",
  "method",
  "policyVersion",
  "configHash",
  "language",
  "categories",
  "services",
  "gpc",
  "gpcHeader",
  "jurisdiction",
  "subdivision",
  "ruleId",
  "configVersion",
  "wording",
  "pagePath",
  "previousId",
  "ip",
  "userAgent",
  "digest",
  "signature",
  "keyId",
  "erasedAt",
] as const;

/**
 * One CSV cell: a value a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
 * tab or carriage return) is prefixed with `'`, then the cell is quoted as RFC 4180 says: also
 * when it holds a `;` or a tab, the separators a spreadsheet uses in many European locales,
 * which would otherwise split it into cells of which one could start a formula.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\t\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

const decisionText = (map: Record<string, boolean>) =>
  Object.entries(map)
    .map(([id, granted]) => `${id}=${granted ? "granted" : "denied"}`)
    .join(";");

function csvRow(r: AdminReceipt): string {
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    ...r,
    subjectId: r.subjectId || null,
    pagePath: r.pagePath ?? null,
    subdivision: r.subdivision ?? null,
    ruleId: r.ruleId ?? null,
    configVersion: r.configVersion ?? null,
    wording: r.wording ?? null,
    categories: decisionText(r.decision.categories),
    services: decisionText(r.decision.services),
  };
  return `${CSV_COLUMNS.map((col) => csvCell(values[col])).join(",")}\r\n`;
}

/**
 * The record's event: `withdrawn`, `objected` (to what a UK exemption ran without consent),
 * `opted-out` (of sale and sharing, under an opt-out rule), else `given` or `refused`.
 */
function eventType(r: AdminReceipt): string {
  if (r.method === "withdraw") return "withdrawn";
  if (r.method === "object") return "objected";
  if (r.method === "opt-out") return "opted-out";
  const granted = Object.entries(r.decision.categories).some(([id, g]) => g && id !== "necessary");
  return granted ? "given" : "refused";
}

/**
 * A receipt shaped as an ISO/IEC TS 27560 consent record: identifiers, the notice shown (the
 * configuration version that carried it, and the SDK's standard wording under the site's texts),
 * the event, per-purpose status, how and where it was collected (country, subdivision, and the
 * configuration's rule that applied there), and the proof.
 */
export function iso27560Record(r: AdminReceipt, siteName: string) {
  return {
    recordId: r.id,
    piiPrincipalId: r.subjectId || null,
    piiController: { id: r.siteKey, name: siteName },
    notice: {
      version: r.policyVersion,
      contentHash: r.configHash,
      configVersion: r.configVersion ?? null,
      language: r.language,
      // The SDK's standard wording shown (its texts: `GET .../wordings/:hash`); null before it.
      standardWording: r.wording ?? null,
    },
    event: [{ eventTime: r.serverTime, eventType: eventType(r), method: r.method }],
    purposes: Object.entries(r.decision.categories).map(([purpose, granted]) => ({
      purpose,
      consentStatus: granted ? "given" : "refused",
    })),
    services: Object.entries(r.decision.services).map(([service, granted]) => ({
      service,
      consentStatus: granted ? "given" : "refused",
    })),
    collection: {
      jurisdiction: r.jurisdiction,
      subdivision: r.subdivision ?? null,
      rule: r.ruleId ?? null,
      page: r.pagePath ?? null,
      ipAddress: r.ip,
      userAgent: r.userAgent,
      gpc: r.gpc,
      secGpcHeader: r.gpcHeader,
    },
    previousRecordId: r.previousId,
    proof: { digest: r.digest, signature: r.signature, algorithm: "Ed25519", keyId: r.keyId },
    erasedAt: r.erasedAt,
  };
}

/** How a format starts, separates and ends its records. */
export interface ExportWriter {
  contentType: string;
  extension: string;
  head: string;
  record(r: AdminReceipt, index: number): string;
  tail: string;
}

/** The writer of a format. */
export function exportWriter(
  format: ExportFormat,
  meta: { siteKey: string; siteName: string; generatedAt: string },
): ExportWriter {
  switch (format) {
    case "csv":
      return {
        contentType: "text/csv; charset=utf-8",
        extension: "csv",
        head: `${CSV_COLUMNS.join(",")}\r\n`,
        record: csvRow,
        tail: "",
      };
    case "ndjson":
      return {
        contentType: "application/x-ndjson",
        extension: "ndjson",
        head: "",
        record: (r) => `${JSON.stringify(r)}\n`,
        tail: "",
      };
    case "iso27560":
      return {
        contentType: "application/json",
        extension: "json",
        head: `{"specification":"ISO/IEC TS 27560:2023","generatedAt":${JSON.stringify(meta.generatedAt)},"piiController":${JSON.stringify({ id: meta.siteKey, name: meta.siteName })},"records":[\n`,
        record: (r, i) =>
          `${i === 0 ? "" : ",\n"}${JSON.stringify(iso27560Record(r, meta.siteName))}`,
        tail: "\n]}\n",
      };
  }
}
