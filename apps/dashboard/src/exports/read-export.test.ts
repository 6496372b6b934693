import { continuationMarker, type ExportFormat } from "@assent/core";
import { describe, expect, it } from "vitest";
import { exportFileName, formatBytes, readExport, readWholeExport } from "./read-export";

function streamed(parts: string[], headers: Record<string, string> = {}): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
  return new Response(body, { headers });
}

describe("readExport", () => {
  it("reports bytes and rows as chunks arrive, and ends with the whole file", async () => {
    const progress: Array<[number, number]> = [];
    const { file, rows } = await readExport(
      streamed(["id,method\r\n", "a,accept-all\r\nb,", "custom\r\n"]),
      "csv",
      (p) => progress.push([p.bytes, p.rows]),
    );
    expect(rows).toBe(2);
    expect(progress.map(([, r]) => r)).toEqual([0, 1, 2, 2]);
    expect(progress.at(-1)?.[0]).toBe(file.size);
    expect(await file.text()).toBe("id,method\r\na,accept-all\r\nb,custom\r\n");
  });

  it("counts NDJSON lines and ISO records exactly", async () => {
    expect((await readExport(streamed(['{"a":1}\n', '{"a":2}\n']), "ndjson", () => {})).rows).toBe(
      2,
    );
    const iso = ['{"records":[\n', '{"r":1}', ',\n{"r":2}', "\n]}\n"];
    expect((await readExport(streamed(iso), "iso27560", () => {})).rows).toBe(2);
  });
});

describe("readWholeExport", () => {
  const next = (cursor: string) => ({
    cursor,
    next: `/v1/admin/exports?format=x&cursor=${cursor}`,
  });
  /** A whole export, and the same in parts as a server with limits sends it. */
  const cases: Array<[ExportFormat, string, string[]]> = [
    [
      "csv",
      "id,method\r\na,accept-all\r\nb,custom\r\nc,withdraw\r\n",
      [
        `id,method\r\na,accept-all\r\n${continuationMarker("csv", next("c1"))}`,
        `id,method\r\nb,custom\r\n${continuationMarker("csv", next("c2"))}`,
        "id,method\r\nc,withdraw\r\n",
      ],
    ],
    [
      "ndjson",
      '{"id":"a"}\n{"id":"b"}\n{"id":"c"}\n',
      [
        `{"id":"a"}\n${continuationMarker("ndjson", next("c1"))}`,
        `{"id":"b"}\n${continuationMarker("ndjson", next("c2"))}`,
        '{"id":"c"}\n',
      ],
    ],
    [
      "iso27560",
      '{"specification":"x","records":[\n{"r":1},\n{"r":2},\n{"r":3}\n]}\n',
      [
        `{"specification":"x","records":[\n{"r":1},\n{"r":2}${continuationMarker("iso27560", next("c1"))}`,
        `{"specification":"y","records":[\n{"r":3}${continuationMarker("iso27560", next("c2"))}`,
        '{"specification":"z","records":[\n\n]}\n',
      ],
    ],
  ];

  it.each(cases)(
    "follows a %s export's continuation markers into one file",
    async (format, whole, parts) => {
      const asked: Array<string | null> = [];
      const progress: number[] = [];
      const { file, rows, response } = await readWholeExport(
        async (cursor) => {
          asked.push(cursor);
          const index = cursor === null ? 0 : Number(cursor.slice(1));
          return streamed([parts[index] ?? ""], { "Content-Disposition": 'filename="f"' });
        },
        format,
        (p) => progress.push(p.rows),
      );
      expect(asked).toEqual([null, "c1", "c2"]);
      expect(await file.text()).toBe(whole);
      expect(rows).toBe(3);
      expect(progress.at(-1)).toBe(3);
      expect(exportFileName(response, "fallback")).toBe("f");
    },
  );

  it("keeps a single part as it came", async () => {
    const { file, rows } = await readWholeExport(
      async () => streamed(["id\r\na\r\n"]),
      "csv",
      () => {},
    );
    expect(await file.text()).toBe("id\r\na\r\n");
    expect(rows).toBe(1);
  });
});

describe("export helpers", () => {
  it("takes the server's file name", () => {
    const response = new Response("", {
      headers: { "Content-Disposition": 'attachment; filename="assent-x-2026-01-31.csv"' },
    });
    expect(exportFileName(response, "fallback.csv")).toBe("assent-x-2026-01-31.csv");
    expect(exportFileName(new Response(""), "fallback.csv")).toBe("fallback.csv");
  });

  it("words sizes", () => {
    expect(formatBytes(12)).toBe("12 bytes");
    expect(formatBytes(2048)).toBe("2.0 KB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.0 MB");
  });
});
