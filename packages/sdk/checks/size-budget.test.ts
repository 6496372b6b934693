// @vitest-environment node
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BUDGETS, LANGUAGES } from "./budgets";
import { chunkFile, DIST, readDist } from "./dist";

function gzipSize(file: string): number {
  return gzipSync(readFileSync(new URL(file, DIST)), { level: 9 }).length;
}

describe("byte budgets (gzip)", () => {
  const files = { loader: "loader.js", ui: chunkFile("ui") };
  const loader = gzipSize(files.loader);
  const ui = gzipSize(files.ui);
  const languages = LANGUAGES.map((code) => {
    const file = chunkFile(`lang/${code}`);
    return { code, file, size: gzipSize(file) };
  });
  const largest = languages.reduce((a, b) => (b.size > a.size ? b : a));
  console.log(
    `[size] loader ${loader} B, UI chunk ${ui} B, largest language (${largest.code}) ${largest.size} B, UI + language ${ui + largest.size} B, total ${loader + ui + largest.size} B (gzip -9)`,
  );

  it(`keeps the loader within ${BUDGETS.loader} bytes`, () => {
    expect(loader).toBeLessThanOrEqual(BUDGETS.loader);
  });

  it(`keeps the UI chunk with its largest language within ${BUDGETS.ui} bytes`, () => {
    expect(ui + largest.size).toBeLessThanOrEqual(BUDGETS.ui);
  });

  it(`keeps loader + UI + one language within ${BUDGETS.total} bytes`, () => {
    expect(loader + ui + largest.size).toBeLessThanOrEqual(BUDGETS.total);
  });

  it("builds every language as its own chunk, none of them inside the UI chunk", () => {
    expect(readDist(files.ui)).not.toContain("Reject all");
    for (const { code, file } of languages)
      expect(readDist(file), code).toMatch(/^export\b|export\s*\{/m);
  });

  it("keeps Preact, the schema library and IndexedDB out of the loader", () => {
    const source = readDist(files.loader);
    expect(source).not.toMatch(/__H|\.__k|options\.vnode|preact/);
    expect(source).not.toMatch(/strictObject|safeParse/);
    expect(source).not.toMatch(/indexedDB/);
  });
});
