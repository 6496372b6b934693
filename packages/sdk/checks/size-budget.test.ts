// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BUDGETS, LANGUAGES } from "./budgets";

const dist = new URL("../dist/", import.meta.url);

function gzipSize(file: string): number {
  return gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;
}

function built(): { loader: string; ui: string } {
  if (!existsSync(new URL("loader.js", dist)))
    throw new Error("packages/sdk is not built: run `pnpm build`");
  const ui = readdirSync(dist).filter((f) => /^ui-[\w-]+\.js$/.test(f));
  expect(ui, "exactly one UI chunk in dist").toHaveLength(1);
  return { loader: "loader.js", ui: ui[0] as string };
}

describe("byte budgets (gzip)", () => {
  const files = built();
  const loader = gzipSize(files.loader);
  const ui = gzipSize(files.ui);
  const languages = LANGUAGES.map((code) => ({ code, size: gzipSize(`lang/${code}.js`) }));
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
    const source = readFileSync(new URL(files.ui, dist), "utf8");
    expect(source).not.toContain("Reject all");
    for (const { code } of languages) {
      const text = readFileSync(new URL(`lang/${code}.js`, dist), "utf8");
      expect(text, code).toMatch(/^export\b|export\s*\{/m);
    }
  });

  it("keeps Preact, the schema library and IndexedDB out of the loader", () => {
    const source = readFileSync(new URL(files.loader, dist), "utf8");
    expect(source).not.toMatch(/__H|\.__k|options\.vnode|preact/);
    expect(source).not.toMatch(/strictObject|safeParse/);
    expect(source).not.toMatch(/indexedDB/);
  });
});
