// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BUDGETS } from "./budgets";

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
  console.log(`[size] loader ${loader} B, UI chunk ${ui} B, total ${loader + ui} B (gzip -9)`);

  it(`keeps the loader within ${BUDGETS.loader} bytes`, () => {
    expect(loader).toBeLessThanOrEqual(BUDGETS.loader);
  });

  it(`keeps the UI chunk within ${BUDGETS.ui} bytes`, () => {
    expect(ui).toBeLessThanOrEqual(BUDGETS.ui);
  });

  it(`keeps loader + UI within ${BUDGETS.total} bytes`, () => {
    expect(loader + ui).toBeLessThanOrEqual(BUDGETS.total);
  });

  it("keeps Preact and the schema library out of the loader", () => {
    const source = readFileSync(new URL(files.loader, dist), "utf8");
    expect(source).not.toMatch(/__H|\.__k|options\.vnode|preact/);
    expect(source).not.toMatch(/strictObject|safeParse/);
  });
});
