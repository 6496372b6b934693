import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS } from "../admin-query";
import {
  continuationMarker,
  joinExportParts,
  partContinuation,
  readContinuation,
} from "./exports.get";

const next = {
  cursor: "MTc3MjQ0NTYwMDAwMDowMTk",
  next: "/v1/admin/exports?site=demo&format=csv&cursor=MTc3",
};

describe("export continuation markers", () => {
  it.each(EXPORT_FORMATS)(
    "reads back the %s marker it writes, from a part's last line",
    (format) => {
      const marker = continuationMarker(format, next);
      expect(marker.endsWith("\n")).toBe(true);
      const last =
        marker
          .replace(/\r?\n$/, "")
          .split("\n")
          .at(-1) ?? "";
      expect(readContinuation(format, last)).toEqual(next);
      expect(partContinuation(format, `head\n${marker}`)).toEqual(next);
    },
  );

  it("finds no marker where an export ends complete", () => {
    expect(partContinuation("csv", "id,method\r\na,accept-all\r\n")).toBeNull();
    expect(partContinuation("ndjson", '{"id":"a"}\n')).toBeNull();
    expect(partContinuation("iso27560", '{"records":[\n{"r":1}\n]}\n')).toBeNull();
    // A receipt whose page path looks like a marker is still a receipt: it is not the last line.
    expect(readContinuation("csv", "0190,#continuation cursor=x next=/y")).toBeNull();
  });

  it("keeps a CSV marker one cell: no cursor or URL that would split it is written", () => {
    expect(() => continuationMarker("csv", { ...next, next: "/a,b" })).toThrow();
    expect(() => continuationMarker("csv", { ...next, cursor: "a b" })).toThrow();
    expect(continuationMarker("csv", next)).not.toMatch(/[,;"\t]/);
  });

  it("joins parts into one file: the CSV header once, the ISO records in one document", () => {
    const csv = [`h\r\na\r\n${continuationMarker("csv", next)}`, "h\r\nb\r\n"];
    expect(joinExportParts("csv", csv)).toBe("h\r\na\r\nb\r\n");
    const iso = [
      `{"records":[\n{"r":1}${continuationMarker("iso27560", next)}`,
      `{"records":[\n{"r":2},\n{"r":3}\n]}\n`,
    ];
    const joined = joinExportParts("iso27560", iso);
    expect(joined).toBe('{"records":[\n{"r":1},\n{"r":2},\n{"r":3}\n]}\n');
    expect(JSON.parse(joined).records).toHaveLength(3);
  });
});
