import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";

/** The SDK's build output, as the API serves it under `/sdk/`. */
export const DIST = new URL("../dist/", import.meta.url);

/** Every file in dist, by its path under dist (`loader.js`, `lang/de-cdMaXO8a.js`). */
export function distFiles(): string[] {
  if (!existsSync(new URL("loader.js", DIST)))
    throw new Error("packages/sdk is not built: run `pnpm build`");
  return readdirSync(DIST, { recursive: true, encoding: "utf8" })
    .map((path) => path.replaceAll("\\", "/"))
    .filter((path) => statSync(new URL(path, DIST)).isFile())
    .sort();
}

/** The one file in dist named `NAME-HASH.js` (`chunkFile("lang/de")`); fails on none or several. */
export function chunkFile(name: string): string {
  const files = distFiles().filter((f) => f.startsWith(`${name}-`) && HASHED.exec(f)?.[1] === name);
  if (files.length !== 1) throw new Error(`expected one ${name}-HASH.js in dist, found ${files}`);
  return files[0] as string;
}

/**
 * A chunk's name, then its content hash: eight characters of base64url (Rolldown's `[hash]`, or
 * the languages' `languageSetHash`), the form the API caches for a year.
 */
export const HASHED = /^(.+)-([\w-]{8})\.js$/;

export const readDist = (file: string): string => readFileSync(new URL(file, DIST), "utf8");
