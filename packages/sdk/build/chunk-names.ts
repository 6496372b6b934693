// How the SDK's builds pass on the content-hashed names of what they emitted: each writes a
// manifest under dist/.vite/ (Vite's own, or `lang.json` below); the builds after it read them
// and define the names into their code; the loader's build, the last, removes them.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import type { Plugin } from "vite";

const MANIFESTS = new URL("../dist/.vite/", import.meta.url);

type Manifest = Record<string, { file: string; name?: string }>;

/**
 * The hash in every language chunk's name (`lang/de-HASH.js`): one hash over all of them, so the
 * loader and the UI chunk need one token, not twelve, to name any language. A language whose
 * code changes renames them all. It is also the standard wording's name, which receipts record,
 * so it covers the texts shown outside the banner too (`outside`: `outsideWording()`, which ship
 * in their own modules).
 * @example languageSetHash([["lang/de", "var e={…}"], ["lang/en", "…"]], outsideWording()) // "Xk3_9aQe"
 */
export function languageSetHash(
  chunks: ReadonlyArray<readonly [name: string, code: string]>,
  outside: OutsideTexts,
) {
  const hash = createHash("sha256");
  for (const [name, code] of [...chunks].sort(([a], [b]) => (a < b ? -1 : 1)))
    hash.update(`${name}\n${code}\n`);
  hash.update(`outside\n${JSON.stringify(outside)}\n`);
  return hash.digest("base64url").slice(0, 8);
}

/** The texts shown outside the banner, per language (`outsideWording()` of `src/wording.ts`). */
export type OutsideTexts = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * Names the language build's chunks (`lang/CODE.js`) `lang/CODE-HASH.js` with `languageSetHash`,
 * and writes `dist/.vite/lang.json` for the builds after it.
 */
export function hashLanguageSet(outside: OutsideTexts): Plugin {
  return {
    name: "assent:hash-language-set",
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((c) => (c.type === "chunk" ? [c] : []));
      const hash = languageSetHash(
        chunks.map((c) => [c.name, c.code]),
        outside,
      );
      const manifest: Manifest = {};
      for (const chunk of chunks) {
        const file = `${chunk.name}-${hash}.js`;
        delete bundle[chunk.fileName];
        this.emitFile({ type: "asset", fileName: file, source: chunk.code });
        manifest[chunk.name] = { file, name: chunk.name };
      }
      this.emitFile({
        type: "asset",
        fileName: ".vite/lang.json",
        source: JSON.stringify(manifest),
      });
    },
  };
}

/** What the earlier builds emitted, by chunk name: `{ outbox: "outbox-HASH.js", "lang/de": … }`. */
function builtChunks(): Record<string, string> {
  if (!existsSync(MANIFESTS))
    throw new Error("build the languages, UI and outbox first: `pnpm --filter @assent/sdk build`");
  const names: Record<string, string> = {};
  for (const json of readdirSync(MANIFESTS)) {
    const manifest = JSON.parse(readFileSync(new URL(json, MANIFESTS), "utf8")) as Manifest;
    for (const { file, name } of Object.values(manifest)) if (name) names[name] = file;
  }
  return names;
}

/** The file names of the named chunks, from the earlier builds' manifests. */
export function chunkFiles<Name extends string>(names: readonly Name[]): Record<Name, string> {
  const built = builtChunks();
  return Object.fromEntries(
    names.map((name) => {
      const file = built[name];
      if (!file) throw new Error(`no chunk "${name}" in the manifests: build it first`);
      return [name, file];
    }),
  ) as Record<Name, string>;
}

/** The language build's hash (see `languageSetHash`). */
export function languageHash(): string {
  const { "lang/en": en } = chunkFiles(["lang/en"]);
  return en.slice("lang/en-".length, -".js".length);
}

/** Removes the manifests once the last build has read them: dist holds only what is served. */
export function removeManifests(): Plugin {
  return {
    name: "assent:remove-manifests",
    closeBundle: () => rmSync(MANIFESTS, { recursive: true, force: true }),
  };
}
