import {
  type ExportContinuation,
  type ExportFormat,
  joinExportParts,
  partContinuation,
} from "@assent/core";

export interface ExportProgress {
  bytes: number;
  rows: number;
}

/** Rows seen so far from the line breaks read: CSV has a header line, ISO JSON a head line. */
export function rowsSoFar(format: ExportFormat, lineBreaks: number): number {
  return format === "ndjson" ? lineBreaks : Math.max(0, lineBreaks - 1);
}

/**
 * Reads an export's body as it streams, reporting bytes and rows received, and resolves with
 * the whole file and, when it is a part that goes on, its continuation marker's
 * (`continuation`; the file still ends with the marker). The final row count is exact (the ISO
 * JSON is parsed once complete; a CSV or NDJSON marker line is not a row).
 */
export async function readExport(
  response: Response,
  format: ExportFormat,
  onProgress: (progress: ExportProgress) => void,
): Promise<{ file: Blob; rows: number; continuation: ExportContinuation | null }> {
  const body = response.body;
  if (!body) throw new Error("The export came without a body");
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let lineBreaks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lineBreaks++;
    onProgress({ bytes, rows: rowsSoFar(format, lineBreaks) });
  }
  const type = response.headers.get("Content-Type") ?? "application/octet-stream";
  const file = new Blob(chunks as BlobPart[], { type });
  // Only the end of the file can be a marker: look at its last line.
  const tail = await file.slice(Math.max(0, file.size - 4096)).text();
  const continuation = partContinuation(format, tail);
  let rows = rowsSoFar(format, lineBreaks) - (continuation && format !== "iso27560" ? 1 : 0);
  if (format === "iso27560") {
    rows = (JSON.parse(await file.text()) as { records: unknown[] }).records.length;
  }
  onProgress({ bytes, rows });
  return { file, rows, continuation };
}

/**
 * Reads a whole export: the first part (`fetchPart(null)`), then, while a part ends with a
 * continuation marker (a server that limits what one response may do), the next one
 * (`fetchPart(cursor)`), reporting bytes and rows over all of them. Resolves with one file, as
 * the export would have come in one response, its row count, and the first part's response
 * (its headers name the file). A single part is the file as it came.
 */
export async function readWholeExport(
  fetchPart: (cursor: string | null) => Promise<Response>,
  format: ExportFormat,
  onProgress: (progress: ExportProgress) => void,
): Promise<{ file: Blob; rows: number; response: Response }> {
  const response = await fetchPart(null);
  const before = { bytes: 0, rows: 0 };
  const report = (p: ExportProgress) =>
    onProgress({ bytes: before.bytes + p.bytes, rows: before.rows + p.rows });
  let part = await readExport(response, format, report);
  if (!part.continuation) return { file: part.file, rows: part.rows, response };
  const parts: string[] = [];
  for (;;) {
    parts.push(await part.file.text());
    before.bytes += part.file.size;
    before.rows += part.rows;
    if (!part.continuation) break;
    part = await readExport(await fetchPart(part.continuation.cursor), format, report);
  }
  const file = new Blob([joinExportParts(format, parts)], { type: part.file.type });
  return { file, rows: before.rows, response };
}

/** The file name the server suggested, or a sensible one. */
export function exportFileName(response: Response, fallback: string): string {
  const disposition = response.headers.get("Content-Disposition") ?? "";
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback;
}

/** Bytes in words: 1.2 MB, 340 KB, 12 bytes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
