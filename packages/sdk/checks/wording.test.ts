// @vitest-environment node
import { describe, expect, it } from "vitest";
import { languageSetHash } from "../build/chunk-names";
import { outsideWording, standardWording } from "../src/wording";
import { LANGUAGES, WORDED_MODELS } from "./budgets";
import { chunkFile, DIST, HASHED, readDist } from "./dist";

/** A built language module's texts, as the UI imports them. */
const texts = async (file: string): Promise<Record<string, string>> =>
  ((await import(new URL(file, DIST).href)) as { default: Record<string, string> }).default;

describe("the standard wording a receipt names", () => {
  const hash = HASHED.exec(chunkFile("lang/en"))?.[2] ?? "";

  it("is the language set's hash, which the built choice module writes into every receipt", () => {
    expect(hash).toMatch(/^[\w-]{8}$/);
    for (const code of LANGUAGES) expect(chunkFile(`lang/${code}-centre`)).toContain(`-${hash}.js`);
    const choice = readDist(chunkFile("choice"));
    expect(choice).toMatch(new RegExp(`wording:[\`"']${hash}[\`"']`));
  });

  it("holds exactly the texts the built language modules hold (what the API records under it)", async () => {
    const wording = standardWording();
    const outside = outsideWording();
    expect(Object.keys(wording).sort()).toEqual([...LANGUAGES].sort());
    for (const code of LANGUAGES) {
      const built = { ...(await texts(chunkFile(`lang/${code}-centre`))) };
      for (const model of WORDED_MODELS)
        Object.assign(built, await texts(chunkFile(`lang/${code}-${model}`)));
      expect(wording[code], code).toEqual({ ...built, ...outside[code] });
      // The first layer's module holds a part of the same texts.
      const first = await texts(chunkFile(`lang/${code}`));
      for (const [key, text] of Object.entries(first)) expect(wording[code]?.[key], key).toBe(text);
    }
  });

  it("holds the texts shown outside the banner, which their own modules ship, and its hash covers them", () => {
    const outside = outsideWording();
    const button = readDist(chunkFile("floating-button"));
    const placeholder = readDist(chunkFile("embed-placeholder"));
    for (const code of LANGUAGES) {
      expect(Object.keys(outside[code] ?? {}).sort(), code).toEqual([
        "embed.alwaysAllow",
        "embed.loadOnce",
        "floatingButton",
      ]);
      expect(button, code).toContain(outside[code]?.floatingButton);
      expect(placeholder, code).toContain(outside[code]?.["embed.loadOnce"]);
      expect(placeholder, code).toContain(outside[code]?.["embed.alwaysAllow"]);
    }
    // Another placeholder text is another wording: the language modules are renamed with it.
    const chunks = [["lang/en", readDist(chunkFile("lang/en"))] as const];
    const reworded = { ...outside, de: { ...outside.de, "embed.loadOnce": "Einmal laden" } };
    expect(languageSetHash(chunks, reworded)).not.toBe(languageSetHash(chunks, outside));
  });
});
