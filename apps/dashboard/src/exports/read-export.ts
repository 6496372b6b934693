import type { ExportFormat } from "@assent/core";

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
 * the whole file. The final row count is exact (the ISO JSON is parsed once complete).
 */
export async function readExport(
  response: Response,
  format: ExportFormat,
  onProgress: (progress: ExportProgress) => void,
): Promise<{ file: Blob; rows: number }> {
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
  let rows = rowsSoFar(format, lineBreaks);
  if (format === "iso27560") {
    rows = (JSON.parse(await file.text()) as { records: unknown[] }).records.length;
  }
  onProgress({ bytes, rows });
  return { file, rows };
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
