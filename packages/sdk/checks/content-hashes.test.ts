// @vitest-environment node
import { describe, expect, it } from "vitest";
import { languageSetHash } from "../build/chunk-names";
import { outsideWording } from "../src/wording";
import { LANGUAGES, WORDED_MODELS } from "./budgets";
import { chunkFile, distFiles, HASHED, readDist } from "./dist";

/** What the API caches for a year under `/sdk/` (apps/api/src/runtime/node/assets.ts). */
const IMMUTABLE = /[-.][\w-]{8,}\.(js|css|woff2)$/;
/** The modules the loader imports by name, beside the UI chunk (`src/loader/chunks.ts`). */
const LOADER_CHUNKS = ["outbox", "embed-placeholder", "floating-button", "choice"];
/**
 * How the loader and the UI chunk name a language: `lang/${code}${centre}-HASH.js`, or
 * `lang/${code}-HASH.js` where the minifier dropped a `centre` that is never set.
 */
const LANGUAGE_TEMPLATE = /lang\/\$\{[\w.]+\}(?:\$\{[^}]+\})?-([\w-]{8})\.js/g;
/** A chunk's file name as a string in minified code. */
const FILE_NAME = /[`"']((?:lang\/)?[\w-]+\.js)[`"']/g;

describe("content-hashed chunk names", () => {
  // Inlined in /s/KEY.js (the auto-blocking script only in /s/KEY.js?autoblock), not served by name.
  const files = distFiles().filter((f) => f !== "loader.js" && f !== "autoblock.js");
  const languages = files.filter((f) => f.startsWith("lang/"));
  const modules = files.filter((f) => !f.startsWith("lang/"));

  it("names every file in dist but the loader and the auto-blocking script by its content hash, so it is cached for a year", () => {
    for (const file of files) expect(file).toMatch(IMMUTABLE);
    // One file per chunk, nothing else (an unhashed chunk or a leftover manifest fails here).
    expect(modules.map((f) => HASHED.exec(f)?.[1]).sort()).toEqual(
      ["ui", "preferences", ...LOADER_CHUNKS].sort(),
    );
    expect(languages.map((f) => HASHED.exec(f)?.[1]).sort()).toEqual(
      LANGUAGES.flatMap((code) => [
        `lang/${code}`,
        `lang/${code}-centre`,
        `lang/${code}-notes`,
        ...WORDED_MODELS.map((model) => `lang/${code}-${model}`),
      ]).sort(),
    );
  });

  it("gives each module a hash of its own, and the languages the hash of their code", () => {
    const hashes = modules.map((f) => HASHED.exec(f)?.[2]);
    expect(new Set(hashes).size, "a hash per module, not per build").toBe(modules.length);
    const hash = languageSetHash(
      languages.map((f) => [HASHED.exec(f)?.[1] as string, readDist(f)] as const),
      outsideWording(),
    );
    for (const file of languages) expect(HASHED.exec(file)?.[2], file).toBe(hash);
    expect(hashes).not.toContain(hash);
  });

  it("has the loader import only chunks that exist, by their hashed names", () => {
    const loader = readDist("loader.js");
    const named = [...new Set([...loader.matchAll(FILE_NAME)].map((m) => m[1]))].sort();
    expect(named).toEqual(LOADER_CHUNKS.map(chunkFile).sort());
    for (const source of [loader, readDist(chunkFile("ui"))]) {
      const [template, ...others] = [...source.matchAll(LANGUAGE_TEMPLATE)];
      expect(template, "the language template").toBeDefined();
      expect(others).toEqual([]);
      for (const code of LANGUAGES) expect(files).toContain(`lang/${code}-${template?.[1]}.js`);
    }
  });

  it("has the floating button fetch the opt-out's texts by names that exist", () => {
    const source = readDist(chunkFile("floating-button"));
    const [template, ...others] = [
      ...source.matchAll(/\.\/lang\/\$\{\w+\}-opt-out-([\w-]{8})\.js/g),
    ];
    expect(template, "the opt-out's texts' template").toBeDefined();
    expect(others).toEqual([]);
    for (const code of LANGUAGES)
      expect(files).toContain(`lang/${code}-opt-out-${template?.[1]}.js`);
  });

  it("leaves no build-time name undefined in any file (it would throw where it is read)", () => {
    for (const file of distFiles()) expect(readDist(file), file).not.toMatch(/__ASSENT_/);
  });

  it("has the UI chunk import the preference centre by its hashed name", () => {
    const named = [...readDist(chunkFile("ui")).matchAll(FILE_NAME)].map((m) => m[1]);
    expect(named).toEqual([chunkFile("preferences")]);
  });
});
