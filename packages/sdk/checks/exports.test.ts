// @vitest-environment node
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { distFiles } from "./dist";

const root = new URL("../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as {
  exports: Record<string, string | Record<string, string>>;
  types: string;
};

function targets(entry: string | Record<string, string>): string[] {
  return typeof entry === "string" ? [entry] : Object.values(entry);
}

describe("@assent/sdk exports map", () => {
  it.each(Object.entries(pkg.exports))("%s resolves to a real file", (_name, entry) => {
    for (const target of targets(entry))
      expect(existsSync(new URL(target, root)), target).toBe(true);
  });

  it("declares its types", () => {
    expect(existsSync(new URL(pkg.types, root))).toBe(true);
  });
});

describe("what the API reads from dist", () => {
  it("finds the loader and exactly one UI chunk, by the pattern the API uses", () => {
    const files = distFiles();
    expect(files).toContain("loader.js");
    // apps/api/src/runtime/node/assets.ts and apps/api/scripts/build-worker.ts
    expect(files.filter((f) => /^ui-[\w-]+\.js$/.test(f))).toHaveLength(1);
  });
});
