// @vitest-environment node
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BUDGETS, LANGUAGES, WORDED_MODELS } from "./budgets";
import { chunkFile, DIST, readDist } from "./dist";

/** A file's size in dist, gzip level 9, as a visitor's browser downloads it. */
function gzipSize(file: string): number {
  return gzipSync(readFileSync(new URL(file, DIST)), { level: 9 }).length;
}

const loaderSize = () => gzipSize("loader.js");
const uiSize = () => gzipSize(chunkFile("ui"));

/**
 * The largest language chunk: the most a first visit downloads for its language (the first
 * layer's texts), or with `part` another of its chunks (`-centre`: every text, for the
 * preference centre; `-notes`: the first layer's notes).
 */
function largestLanguage(part = ""): { code: string; size: number } {
  return LANGUAGES.map((code) => ({
    code,
    size: gzipSize(chunkFile(`lang/${code}${part}`)),
  })).reduce((a, b) => (b.size > a.size ? b : a));
}

/** Fails with the measured size, the budget and what is over, and logs the size for commits. */
function withinBudget(what: string, size: number, budget: number): void {
  console.log(`[size] ${what} ${size} B of ${budget} B (gzip -9)`);
  expect(
    size,
    `${what}: ${size} B, ${size - budget} B over its ${budget} B budget`,
  ).toBeLessThanOrEqual(budget);
}

// One test per budget, each measuring what it checks: a part over its budget, or a chunk missing
// from the build, fails that test alone.
describe("byte budgets (gzip)", () => {
  it(`keeps the loader within ${BUDGETS.loader} bytes`, () => {
    withinBudget("loader", loaderSize(), BUDGETS.loader);
  });

  it(`keeps the UI chunk within ${BUDGETS.ui} bytes`, () => {
    withinBudget("UI chunk", uiSize(), BUDGETS.ui);
  });

  it(`keeps every language chunk within ${BUDGETS.language} bytes`, () => {
    const { code, size } = largestLanguage();
    withinBudget(`largest language (${code})`, size, BUDGETS.language);
  });

  it(`keeps every language's notes within ${BUDGETS.notes} bytes`, () => {
    const { code, size } = largestLanguage("-notes");
    withinBudget(`largest notes (${code})`, size, BUDGETS.notes);
  });

  it(`keeps loader + UI + the largest language within ${BUDGETS.total} bytes`, () => {
    withinBudget("first visit", loaderSize() + uiSize() + largestLanguage().size, BUDGETS.total);
  });

  it(`keeps the choice module within ${BUDGETS.choice} bytes`, () => {
    withinBudget("choice module", gzipSize(chunkFile("choice")), BUDGETS.choice);
  });

  it(`keeps the preference centre within ${BUDGETS.preferences} bytes`, () => {
    withinBudget("preference centre", gzipSize(chunkFile("preferences")), BUDGETS.preferences);
  });

  it(`keeps every language's full texts within ${BUDGETS.centreLanguage} bytes`, () => {
    const { code, size } = largestLanguage("-centre");
    withinBudget(`largest full language (${code})`, size, BUDGETS.centreLanguage);
  });

  it(`keeps every rule's texts in every language within ${BUDGETS.ruleTexts} bytes`, () => {
    const { code, size } = LANGUAGES.flatMap((l) => WORDED_MODELS.map((m) => `${l}-${m}`))
      .map((code) => ({ code, size: gzipSize(chunkFile(`lang/${code}`)) }))
      .reduce((a, b) => (b.size > a.size ? b : a));
    withinBudget(`largest rule texts (${code})`, size, BUDGETS.ruleTexts);
  });

  it("sets a total that binds: the parts' budgets add up to more", () => {
    const parts = BUDGETS.loader + BUDGETS.ui + BUDGETS.language;
    expect(parts, "a total the parts' budgets imply cannot fail alone").toBeGreaterThan(
      BUDGETS.total,
    );
  });
});

describe("what goes in which chunk", () => {
  it("builds every language as its own chunk, none of them inside the UI chunk", () => {
    expect(readDist(chunkFile("ui"))).not.toContain("Reject all");
    // The rules' texts too: not in what every visitor downloads (loader, UI chunk, languages).
    for (const file of ["loader.js", chunkFile("ui"), chunkFile("floating-button")])
      for (const text of [
        "You can object",
        "S'opposer",
        "Do not sell",
        "Sus opciones de privacidad",
      ])
        expect(readDist(file), `${file}: ${text}`).not.toContain(text);
    for (const code of LANGUAGES)
      expect(readDist(chunkFile(`lang/${code}`)), code).not.toMatch(/objectInfo|optOut/);
    expect(readDist(chunkFile("lang/fr-uk-exemptions"))).toContain("S'opposer");
    expect(readDist(chunkFile("lang/es-opt-out"))).toContain("Sus opciones de privacidad");
    for (const code of LANGUAGES)
      for (const chunk of [`lang/${code}`, `lang/${code}-centre`])
        expect(readDist(chunkFile(chunk)), chunk).toMatch(/^export\b|export\s*\{/m);
    // The first layer's texts only beside the banner; the preference centre's with the centre.
    expect(readDist(chunkFile("lang/en"))).toContain("Reject all");
    expect(readDist(chunkFile("lang/en"))).not.toContain("Save choices");
    expect(readDist(chunkFile("lang/en-centre"))).toContain("Save choices");
    // The notes only for a banner that shows one (asked again, GPC honoured).
    for (const code of LANGUAGES)
      expect(readDist(chunkFile(`lang/${code}`)), code).not.toMatch(/reconsent|gpcHonoured/);
    expect(readDist(chunkFile("lang/en-notes"))).toContain("Global Privacy Control");
    expect(readDist(chunkFile("lang/de-centre"))).toMatch(/reconsent/);
  });

  it("keeps Preact and IndexedDB out of the UI chunk: the first layer is plain DOM", () => {
    const source = readDist(chunkFile("ui"));
    expect(source).not.toMatch(/__H|\.__k|options\.vnode|preact/);
    expect(source).not.toMatch(/indexedDB/);
    expect(readDist(chunkFile("preferences"))).toMatch(/\.__k/);
  });

  it("keeps auto-blocking out of the loader: it is served only to pages that ask for it", () => {
    const autoblock = gzipSize("autoblock.js");
    console.log(
      `[size] auto-blocking script ${autoblock} B (gzip -9), only in /s/KEY.js?autoblock`,
    );
    expect(readDist("loader.js")).not.toMatch(/createContextualFragment|insertAdjacentHTML/);
    expect(readDist("autoblock.js")).toMatch(/createContextualFragment/);
  });

  it("keeps what only a choice needs out of the loader: ids, the cookie's writing, clearing", () => {
    const loader = readDist("loader.js");
    const choice = readDist(chunkFile("choice"));
    // uuidv7 and subject ids, the public-suffix probe of the cookie clearing, the cookie written.
    for (const only of ["getRandomValues", "assent_probe", "SameSite=Lax"]) {
      expect(loader, only).not.toContain(only);
      expect(choice, only).toContain(only);
    }
  });

  it("keeps Preact, the schema library and IndexedDB out of the loader", () => {
    const source = readDist("loader.js");
    expect(source).not.toMatch(/__H|\.__k|options\.vnode|preact/);
    expect(source).not.toMatch(/strictObject|safeParse/);
    expect(source).not.toMatch(/indexedDB/);
  });
});
