import { describe, expect, it } from "vitest";
import { exportFileName, formatBytes, readExport } from "./read-export";

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
