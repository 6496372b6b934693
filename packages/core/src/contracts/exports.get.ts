import * as v from "valibot";
import { type ExportFormat, ExportQuerySchema } from "../admin-query";

/** `GET /v1/admin/exports`: receipts streamed as CSV, NDJSON or one JSON document. */
export const ExportsGet = {
  query: ExportQuerySchema,
  response: v.pipe(
    v.string(),
    v.description(
      'CSV, NDJSON or JSON, as `format` asks. A response holding only the first part of the export (the server limits what one response may do) ends with a continuation marker: in CSV a last line `#continuation cursor=CURSOR next=URL`, in NDJSON a last line `{"continuation":{"cursor":CURSOR,"next":URL}}`, in ISO/IEC TS 27560 JSON a `continuation` member after `records`; the same request with `cursor=CURSOR` (`next`) answers the next part. Without a marker, the export is complete.',
    ),
  ),
};

/** Where an export that ends before its last receipt goes on: the next part's cursor and URL. */
export interface ExportContinuation {
  /** The `cursor` to ask for the next part with (the rest of the request the same). */
  cursor: string;
  /** The request for the next part: path and query, on the API's origin. */
  next: string;
}

const CSV_MARKER = "#continuation ";

/**
 * The end of a part of an export that continues, in its format: a CSV line
 * `#continuation cursor=CURSOR next=URL` (one cell: no comma, quote, semicolon or tab), an NDJSON
 * line `{"continuation":{...}}`, or, in ISO/IEC TS 27560 JSON, a `continuation` member after
 * `records` (this text closes the records array and the document).
 */
export function continuationMarker(format: ExportFormat, c: ExportContinuation): string {
  if (!/^[A-Za-z0-9_-]+$/.test(c.cursor) || /[\s,;"]/.test(c.next)) {
    throw new Error("a continuation's cursor and URL are plain tokens");
  }
  switch (format) {
    case "csv":
      return `${CSV_MARKER}cursor=${c.cursor} next=${c.next}\r\n`;
    case "ndjson":
      return `${JSON.stringify({ continuation: c })}\n`;
    case "iso27560":
      return `\n],${JSON.stringify({ continuation: c }).slice(1)}\n`;
  }
}

/**
 * The continuation a part of an export ends with, read from its last line (without the line
 * break), or `null` when that line is no marker: the export ended there, complete.
 * @example const next = readContinuation("csv", lastLine); if (next) fetchPart(next.cursor);
 */
export function readContinuation(
  format: ExportFormat,
  lastLine: string,
): ExportContinuation | null {
  let found: unknown;
  if (format === "csv") {
    const m = /^#continuation cursor=([A-Za-z0-9_-]+) next=(\S+)$/.exec(lastLine.trimEnd());
    return m ? { cursor: m[1] as string, next: m[2] as string } : null;
  }
  try {
    const text = format === "iso27560" ? `{${lastLine.replace(/^\],/, "")}` : lastLine;
    found = (JSON.parse(text) as { continuation?: unknown }).continuation;
  } catch {
    return null;
  }
  const c = found as Partial<ExportContinuation> | undefined;
  return typeof c?.cursor === "string" && typeof c.next === "string"
    ? { cursor: c.cursor, next: c.next }
    : null;
}

/** Where the last line of `text` starts (a line break that ends it not counted). */
function lastLineStart(text: string): number {
  const end = text.replace(/\r?\n$/, "").length;
  return text.lastIndexOf("\n", end - 1) + 1;
}

/**
 * The continuation marker the text of a part of an export (or its end: the last line is enough)
 * ends with, or `null` when it ends as a complete export does.
 */
export function partContinuation(format: ExportFormat, text: string): ExportContinuation | null {
  return readContinuation(format, text.slice(lastLineStart(text)).replace(/\r?\n$/, ""));
}

/**
 * The parts of an export, in order, joined into the file one complete response would have been:
 * each continuation marker dropped, the CSV header once, the NDJSON lines, the ISO/IEC TS 27560
 * records in one document (the first part's head; `generatedAt` is the first part's).
 * @example const file = joinExportParts("csv", [first, second]);
 */
export function joinExportParts(format: ExportFormat, parts: readonly string[]): string {
  const last = parts.length - 1;
  const bodies = parts.map((text, i) => {
    const end = i < last ? lastLineStart(text) : text.length;
    const start = i > 0 && format !== "ndjson" ? text.indexOf("\n") + 1 : 0;
    return text.slice(start, end);
  });
  if (format !== "iso27560") return bodies.join("");
  // The first body is the head line and its records, each later one its records; the last one
  // ends with the document's end, which goes once, after all the records.
  const first = parts[0] ?? "";
  const head = first.slice(0, first.indexOf("\n") + 1);
  const records = bodies.map((body, i) => {
    const to = i === last ? lastLineStart(body) : body.length;
    return body.slice(i === 0 ? head.length : 0, to).replace(/\n$/, "");
  });
  return `${head}${records.filter((r) => r !== "").join(",\n")}\n]}\n`;
}
